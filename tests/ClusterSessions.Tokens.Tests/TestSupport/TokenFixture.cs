namespace ClusterSessions.Tokens.Tests.TestSupport;

/// <summary>Keys, options, a test clock, an issuer and a validator, wired the way a node wires them.</summary>
internal sealed class TokenFixture : IDisposable
{
    public const string IssuerName = "https://cluster-sessions.test";
    public const string AudienceName = "cluster-sessions-jwt";

    private TokenFixture(JwtOptions options, TestTimeProvider time)
    {
        Options = options;
        Time = time;
        Keys = JwtKeySet.Create(options.Keys);
        TokenIssuer = new JwtTokenIssuer(Keys, options, time);
        Validator = new JwtTokenValidator(Keys, options, time);
    }

    public JwtOptions Options { get; }

    public TestTimeProvider Time { get; }

    public JwtKeySet Keys { get; }

    public JwtTokenIssuer TokenIssuer { get; }

    public JwtTokenValidator Validator { get; }

    public static TokenFixture Es256() => Create(TestKeys.Es256("k1"));

    public static TokenFixture Hs256() => Create(TestKeys.Hs256("h1"));

    public static TokenFixture Create(params JwtKeyDescriptor[] keys) => Create(OptionsWith(keys));

    public static TokenFixture Create(JwtOptions options, TestTimeProvider? time = null) =>
        new(options, time ?? new TestTimeProvider());

    public static JwtOptions OptionsWith(params JwtKeyDescriptor[] keys) =>
        new() { Issuer = IssuerName, Audience = AudienceName, Keys = keys };

    /// <summary>A validator over the same keys with other options or another clock.</summary>
    public JwtTokenValidator ValidatorWith(JwtOptions options, TimeProvider? time = null) =>
        new(Keys, options, time ?? Time);

    public string IssueToken(params JwtCartItem[] cart) => TokenIssuer.Issue("alice", "Alice", cart).Token;

    public void Dispose() => Keys.Dispose();
}
