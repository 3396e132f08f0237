using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Net.Http.Headers;

namespace ClusterSessions.WebNode.Api;

/// <summary>
/// Reads a small JSON request body strictly: JSON content type, a size cap, no unknown members, required
/// members present. Every failure is a 4xx with a reason, never an exception reaching the client.
/// </summary>
internal static class JsonBody
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

    /// <summary>The serializer's message names the member at fault without echoing the payload.</summary>
    private static string Describe(JsonException exception) =>
        exception.Path is { Length: > 1 } path ? $"{FirstSentence(exception.Message)} (at {path})" : FirstSentence(exception.Message);

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        var sentence = end < 0 ? message : message[..end];
        return sentence.Length > 200 ? sentence[..200] : sentence;
    }
}
