using System.Text;

namespace ClusterSessions.AppHost.Jwt;

/// <summary>
/// One signing key as the nodes read it (<c>Jwt__Keys__N__Id/Algorithm/Key/CreatedAt</c>) and as
/// <c>jwt-keys.json</c> stores it. <see cref="Key"/> is a base64 PKCS#8 private key for ES256.
/// </summary>
internal sealed record JwtKey(string Id, string Algorithm, string Key, DateTimeOffset? CreatedAt)
{
    // Records print every property; a key that ends up in a log or an exception message must not.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id)
            .Append(", Algorithm = ").Append(Algorithm)
            .Append(", Key = ***, CreatedAt = ").Append(CreatedAt);
        return true;
    }
}
