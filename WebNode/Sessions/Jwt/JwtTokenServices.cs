using System.Security.Cryptography;
using System.Text;
using ClusterSessions.Tokens;
using Microsoft.Extensions.Options;

namespace ClusterSessions.WebNode.Sessions.Jwt;

/// <summary>The node's keys, issuer and validator, built once from validated options.</summary>
internal sealed class JwtTokenServices : IDisposable
{
    public JwtTokenServices(IOptions<JwtOptions> options, TimeProvider timeProvider)
    {
        Options = options.Value;
        Keys = JwtKeySet.Create(Options.Keys);
        Issuer = new JwtTokenIssuer(Keys, Options, timeProvider);
        Validator = new JwtTokenValidator(Keys, Options, timeProvider);
        // Every jwt node derives the same secret from the shared signing key, and nothing else can.
        VisitCounterSecret = HKDF.DeriveKey(
            HashAlgorithmName.SHA256,
            Encoding.UTF8.GetBytes(Options.Keys[^1].Key),
            32,
            info: "ClusterSessions.VisitCounter.v1"u8.ToArray());
    }

    public JwtOptions Options { get; }

    public JwtKeySet Keys { get; }

    public JwtTokenIssuer Issuer { get; }

    public JwtTokenValidator Validator { get; }

    public byte[] VisitCounterSecret { get; }

    public void Dispose() => Keys.Dispose();
}
