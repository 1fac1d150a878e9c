using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResourceReserver.Infrastructure.ReadStore;

/// <summary>
/// Writes instants in UTC with a <c>Z</c> (the API convention) and reads only instants that carry an offset:
/// a bare local time is ambiguous, so it is refused rather than guessed.
/// </summary>
public sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("An instant must be an ISO 8601 string with an offset, e.g. 2030-01-31T09:00:00Z.");
        }

        var text = reader.GetString()!;
        if (text.Length > 40 || !HasOffset(text) || !reader.TryGetDateTimeOffset(out var value))
        {
            throw new JsonException($"'{(text.Length > 40 ? text[..40] + "…" : text)}' is not an ISO 8601 instant with an offset (Z or ±hh:mm).");
        }

        return value;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
}
