namespace ClusterSessions.Redis;

/// <summary>
/// The server answered with an error reply (<c>-ERR …</c>, <c>-WRONGTYPE …</c>, <c>-NOAUTH …</c>).
/// The connection stays usable: the reply was well-formed, only the command failed.
/// </summary>
public sealed class RedisServerException : RedisException
{
    public RedisServerException()
    {
    }

    public RedisServerException(string message)
        : base(message)
    {
        ErrorCode = ParseErrorCode(message);
    }

    public RedisServerException(string message, Exception? innerException)
        : base(message, innerException)
    {
        ErrorCode = ParseErrorCode(message);
    }

    internal RedisServerException(string serverMessage, string? commandName)
        : base(commandName is null ? serverMessage : $"{serverMessage} (command {commandName})")
    {
        ErrorCode = ParseErrorCode(serverMessage);
        CommandName = commandName;
    }

    /// <summary>The first word of the server's error, by Redis convention its kind: ERR, WRONGTYPE, NOAUTH, WRONGPASS, EXECABORT…</summary>
    public string ErrorCode { get; } = "ERR";

    /// <summary>The command that failed, when known.</summary>
    public string? CommandName { get; }

    private static string ParseErrorCode(string message)
    {
        var space = message.IndexOf(' ', StringComparison.Ordinal);
        var word = space < 0 ? message : message[..space];
        return word.Length > 0 && word.All(char.IsAsciiLetterUpper) ? word : "ERR";
    }
}
