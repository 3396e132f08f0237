using System.Text;
using ClusterSessions.Tokens.Tests.TestSupport;

namespace ClusterSessions.Tokens.Tests;

/// <summary>Hostile or broken input: always a result, never an exception.</summary>
public sealed class JwtTokenValidatorMalformedTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("...")]
    [InlineData("abc")]
    [InlineData("abcd.efgh")]
    [InlineData("abcd.efgh.ijkl.mnop")]
    [InlineData(".efgh.ijkl")]
    [InlineData("abcd..ijkl")]
    [InlineData("!!!!.####.$$$$")]
    [InlineData("a.b.c")]
    [InlineData("Bearer abcd.efgh.ijkl")]
    public void Validate_GarbageStructure_Malformed(string? token)
    {
        using var fixture = TokenFixture.Es256();

        var result = fixture.Validator.Validate(token);

        Assert.False(result.Succeeded);
        Assert.Equal(TokenValidationFailure.Malformed, result.Failure);
    }

    [Theory]
    [InlineData(0, "=")]
    [InlineData(0, "==")]
    [InlineData(1, "=")]
    [InlineData(2, "=")]
    public void Validate_PaddedSegment_Malformed(int segment, string padding)
    {
        using var fixture = TokenFixture.Es256();
        var parts = fixture.IssueToken().Split('.');
        parts[segment] += padding;

        Assert.Equal(TokenValidationFailure.Malformed, fixture.Validator.Validate(string.Join('.', parts)).Failure);
    }

    [Theory]
    [InlineData('+')]
    [InlineData('/')]
    [InlineData(' ')]
    [InlineData('\n')]
    [InlineData('é')]
    [InlineData('\0')]
    public void Validate_NonAlphabetCharacter_Malformed(char bad)
    {
        using var fixture = TokenFixture.Es256();
        var token = fixture.IssueToken();
        var payloadStart = token.IndexOf('.', StringComparison.Ordinal) + 1;

        var result = fixture.Validator.Validate(token.Insert(payloadStart + 4, bad.ToString()));

        Assert.Equal(TokenValidationFailure.Malformed, result.Failure);
    }

    [Fact]
    public void Validate_StandardBase64Alphabet_Malformed()
    {
        using var fixture = TokenFixture.Es256();
        var token = fixture.IssueToken();

        var result = fixture.Validator.Validate(token.Replace('-', '+').Replace('_', '/'));

        // A token with neither '-' nor '_' is unchanged and still valid; otherwise it must be refused.
        Assert.True(result.Succeeded == (token.IndexOfAny(['-', '_']) < 0));
    }

    [Fact]
    public void Validate_NonCanonicalTrailingBits_Malformed()
    {
        using var fixture = TokenFixture.Es256();
        var token = fixture.IssueToken();

        // 64 bytes encode to 86 characters; the last one carries 4 unused bits which must be zero.
        var last = token[^1];
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var sibling = alphabet[alphabet.IndexOf(last, StringComparison.Ordinal) | 1];

        Assert.Equal(TokenValidationFailure.Malformed, fixture.Validator.Validate(token[..^1] + sibling).Failure);
    }

    [Fact]
    public void Validate_OneByteOverLimit_OversizedWithoutDecoding()
    {
        using var fixture = TokenFixture.Es256();

        // Not even a token: if anything were decoded first, this would be Malformed instead.
        var result = fixture.Validator.Validate(new string('!', 8193));

        Assert.Equal(TokenValidationFailure.Oversized, result.Failure);
    }

    [Fact]
    public void Validate_ValidTokenPaddedPastLimit_Oversized()
    {
        using var fixture = TokenFixture.Es256();
        var parts = fixture.IssueToken().Split('.');
        var payload = RawToken.Payload(string.Join('.', parts));
        payload["pad"] = new string('x', 8192);

        var token = RawToken.SignJson(fixture.Keys.SigningKey, RawToken.HeaderJson(string.Join('.', parts)), payload.ToJsonString());

        Assert.True(token.Length > 8192);
        Assert.Equal(TokenValidationFailure.Oversized, fixture.Validator.Validate(token).Failure);
    }

    [Fact]
    public void Validate_ExactlyAtLimit_IsDecoded()
    {
        using var fixture = TokenFixture.Es256();

        var result = fixture.Validator.Validate(new string('A', 8192));

        Assert.Equal(TokenValidationFailure.Malformed, result.Failure);
    }

    [Fact]
    public void Validate_LargeCartUnderLimit_Succeeds()
    {
        using var fixture = TokenFixture.Es256();
        var cart = Enumerable.Range(0, 250).Select(i => new JwtCartItem($"sku-{i:D5}", i + 1)).ToArray();
        var token = fixture.IssueToken(cart);

        Assert.InRange(token.Length, 4097, 8192);
        Assert.Equal(250, fixture.Validator.Validate(token).Claims!.Cart.Count);
    }

    [Fact]
    public void Validate_NonUtf8Payload_Malformed()
    {
        using var fixture = TokenFixture.Es256();
        var header = RawToken.Header(fixture.IssueToken()).ToJsonString();
        byte[] payload = [.. "{\"sub\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8];

        var token = RawToken.SignSegments(fixture.Keys.SigningKey, RawToken.Segment(header), RawToken.Segment(payload));
        var result = fixture.Validator.Validate(token);

        Assert.Equal(TokenValidationFailure.Malformed, result.Failure);
        Assert.Equal("payload is not UTF-8", result.Message);
    }

    [Fact]
    public void Validate_NonUtf8Header_Malformed()
    {
        using var fixture = TokenFixture.Es256();
        byte[] header = [.. "{\"alg\":\"ES256\",\"kid\":\"k1\",\"typ\":\"JWT\",\"x\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8];

        var token = RawToken.SignSegments(fixture.Keys.SigningKey, RawToken.Segment(header), fixture.IssueToken().Split('.')[1]);

        Assert.Equal(TokenValidationFailure.Malformed, fixture.Validator.Validate(token).Failure);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"sub\":\"alice\"}]")]
    [InlineData("null")]
    [InlineData("42")]
    [InlineData("\"alice\"")]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"sub\":\"alice\"} {}")]
    [InlineData("{\"sub\":\"alice\",}")]
    [InlineData("{'sub':'alice'}")]
    [InlineData("\uFEFF{}")]
    public void Validate_NonObjectOrInvalidJsonPayload_Malformed(string payloadJson)
    {
        using var fixture = TokenFixture.Es256();
        var header = RawToken.HeaderJson(fixture.IssueToken());

        var token = payloadJson.Length == 0
            ? RawToken.SignSegments(fixture.Keys.SigningKey, RawToken.Segment(header), "")
            : RawToken.SignJson(fixture.Keys.SigningKey, header, payloadJson);

        Assert.Equal(TokenValidationFailure.Malformed, fixture.Validator.Validate(token).Failure);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"ES256\"")]
    [InlineData("{\"alg\":1,\"kid\":\"k1\",\"typ\":\"JWT\"}")]
    [InlineData("{\"alg\":\"ES256\",\"kid\":[\"k1\"],\"typ\":\"JWT\"}")]
    [InlineData("{\"alg\":\"ES256\",\"kid\":\"k1\",\"typ\":null}")]
    [InlineData("{\"alg\":\"ES256\",\"kid\":\"k1\",\"kid\":\"k1\",\"typ\":\"JWT\"}")]
    public void Validate_BadHeaderJson_Malformed(string headerJson)
    {
        using var fixture = TokenFixture.Es256();
        var payload = RawToken.PayloadJson(fixture.IssueToken());

        var token = RawToken.SignJson(fixture.Keys.SigningKey, headerJson, payload);

        Assert.Equal(TokenValidationFailure.Malformed, fixture.Validator.Validate(token).Failure);
    }

    [Fact]
    public void Validate_DeeplyNestedUnknownClaim_MalformedNotStackOverflow()
    {
        using var fixture = TokenFixture.Es256();
        var token = fixture.IssueToken();
        var payload = RawToken.PayloadJson(token)[..^1] + ",\"deep\":" + new string('[', 1000) + new string(']', 1000) + "}";

        var result = fixture.Validator.Validate(RawToken.SignJson(fixture.Keys.SigningKey, RawToken.HeaderJson(token), payload));

        Assert.Equal(TokenValidationFailure.Malformed, result.Failure);
    }

    [Fact]
    public void Validate_RandomMutations_NeverThrowsAndNeverAccepts()
    {
        using var fixture = TokenFixture.Hs256();
        var token = fixture.IssueToken(new JwtCartItem("sku-1", 1));
        var random = new Random(7515);
        const string chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ é";

        for (var i = 0; i < 5000; i++)
        {
            var mutated = new StringBuilder(token);
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                var at = random.Next(mutated.Length);
                switch (random.Next(3))
                {
                    case 0: mutated[at] = chars[random.Next(chars.Length)]; break;
                    case 1: mutated.Remove(at, 1); break;
                    default: mutated.Insert(at, chars[random.Next(chars.Length)]); break;
                }
            }

            var candidate = mutated.ToString();
            var result = fixture.Validator.Validate(candidate);
            Assert.True(!result.Succeeded || candidate == token, candidate);
        }
    }

    [Fact]
    public void Message_EveryFailure_IsSafeForWwwAuthenticate()
    {
        using var fixture = TokenFixture.Es256();
        var token = fixture.IssueToken();
        string[] inputs =
        [
            new string('x', 9000), "a.b", "!!!!.!!!!.!!!!",
            RawToken.Resign(token, fixture.Keys.SigningKey, header: h => h["kid"] = "\"evil\\"),
            RawToken.Resign(token, fixture.Keys.SigningKey, header: h => h["alg"] = "\"none\""),
            RawToken.Resign(token, fixture.Keys.SigningKey, payload: p => p["iss"] = "\"evil\\"),
            RawToken.Resign(token, fixture.Keys.SigningKey, payload: p => p["exp"] = "\"soon\""),
            RawToken.Resign(token, fixture.Keys.SigningKey, header: h => h["typ"] = "\"x\""),
        ];

        foreach (var input in inputs)
        {
            var message = fixture.Validator.Validate(input).Message;

            // RFC 6750 section 3: error_description is %x20-21 / %x23-5B / %x5D-7E.
            Assert.All(message, c => Assert.True(c is >= ' ' and <= '~' and not '"' and not '\\', message));
            Assert.DoesNotContain("evil", message, StringComparison.Ordinal);
        }
    }
}
