namespace ClusterSessions.AppHost.Lab.TryIt;

/// <summary>How a step turned out; the page colours it.</summary>
internal static class TryItOutcomes
{
    /// <summary>A login, logout or log-out-everywhere that worked.</summary>
    public const string Ok = "ok";

    /// <summary>The session held: the node knew the visitor and the cart was as expected.</summary>
    public const string Held = "held";

    /// <summary>The session was lost: logged out, or a different cart, without asking for it.</summary>
    public const string Lost = "lost";

    /// <summary>Not logged in, and the node said so: correct.</summary>
    public const string Expected = "expected";

    /// <summary>Logged out, yet the node still accepted the visitor (a token that cannot be revoked).</summary>
    public const string Unexpected = "unexpected";

    /// <summary>A 5xx, a refused request or no answer at all.</summary>
    public const string Error = "error";
}
