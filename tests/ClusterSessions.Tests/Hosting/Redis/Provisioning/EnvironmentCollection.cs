namespace ClusterSessions.Tests.Hosting.Redis.Provisioning;

[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection;
