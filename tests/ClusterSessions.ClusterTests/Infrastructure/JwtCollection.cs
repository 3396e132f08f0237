namespace ClusterSessions.ClusterTests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class JwtCollection : ICollectionFixture<JwtCluster>, ICollectionFixture<StatelessJwtCluster>
{
    public const string Name = "jwt clusters";
}
