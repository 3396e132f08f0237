using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Net.Http.Headers;

namespace ClusterSessions.WebNode.Api;

/// <summary>
/// Reads a small JSON request body strictly: JSON content type, a size cap, no unknown members, required
/// members present. Every failure is a 4xx with a reason, never an exception reaching the client.
/// </summary>
internal static partial class JsonBody
{
    public const int MaxBytes = 8 * 1024;

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !(mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
                || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, ApiProblems.BadRequest("expected a JSON body (Content-Type: application/json)"));
        }

        if (request.ContentLength > MaxBytes)
        {
            return (null, ApiProblems.PayloadTooLarge($"the body is larger than {MaxBytes} bytes"));
        }

        // Every login and cart write passes here: rent the buffer instead of allocating 8 KiB per request.
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes + 1);
        try
        {
            var length = 0;
            int read;
            while (length <= MaxBytes
                && (read = await request.Body.ReadAsync(buffer.AsMemory(length, MaxBytes + 1 - length), request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            if (length > MaxBytes)
            {
                return (null, ApiProblems.PayloadTooLarge($"the body is larger than {MaxBytes} bytes"));
            }

            try
            {
                var value = JsonSerializer.Deserialize(buffer.AsSpan(0, length), typeInfo);
                return value is null ? (null, ApiProblems.BadRequest("the body must be a JSON object")) : (value, null);
            }
            catch (JsonException exception)
            {
                return (null, ApiProblems.BadRequest($"malformed JSON: {Describe(exception)}"));
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Says what is wrong in the client's terms. The serializer's own messages name .NET types
    /// ("could not be converted to ClusterSessions…"): never shown.
    /// </summary>
    internal static string Describe(JsonException exception)
    {
        var message = exception.Message;
        var at = exception.Path is { Length: > 1 } path ? $" (at {path})" : "";
        if (UnknownMember().Match(message) is { Success: true } unknown)
        {
            return $"unknown member '{unknown.Groups[1].Value}'";
        }

        if (MissingMembers().Match(message) is { Success: true } missing)
        {
            return $"missing member(s): {missing.Groups[1].Value.Replace("'", "", StringComparison.Ordinal)}";
        }

        if (message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return $"a value has the wrong type{at}";
        }

        return message.Contains("null", StringComparison.OrdinalIgnoreCase) && exception.Path is { Length: > 1 }
            ? $"a required value is null{at}"
            : $"not valid JSON{at}";
    }

    [GeneratedRegex("The JSON property '([^']{1,64})' could not be mapped")]
    private static partial Regex UnknownMember();

    [GeneratedRegex("missing required properties including: ((?:'[^']{1,64}'(?:, )?)+)")]
    private static partial Regex MissingMembers();
}
