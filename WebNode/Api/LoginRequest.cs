namespace ClusterSessions.WebNode.Api;

internal sealed record LoginRequest(string Username, string Password)
{
    public const int MaxLength = 128;

    public string? Validate() =>
        Username.Length is 0 or > MaxLength ? $"username must be 1-{MaxLength} characters"
        : Password.Length is 0 or > MaxLength ? $"password must be 1-{MaxLength} characters"
        : null;
}
