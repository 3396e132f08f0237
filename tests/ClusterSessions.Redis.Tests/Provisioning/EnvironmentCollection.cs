namespace ClusterSessions.Redis.Tests.Provisioning;

[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection;
