namespace ClusterSessions.Tests.AppHost.Redis.Provisioning;

[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection;
