using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace ResourceReserver.Client.Http;

/// <summary>
/// Durations as ISO 8601 (<c>PT1H30M</c>, <c>P2D</c>) in both directions: the API never shows .NET's
/// <c>1.12:50:46</c> form, and clients send what they read.
/// </summary>
public sealed class IsoDurationConverter : JsonConverter<TimeSpan>
{
    /// <summary>How the expected form is described in validation messages.</summary>
    public const string ExpectedForm = "an ISO 8601 duration, e.g. PT1H30M";

    /// <inheritdoc />
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && Parse(reader.GetString()) is { } duration)
        {
            return duration;
        }

        throw new JsonException($"Expected {ExpectedForm}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(XmlConvert.ToString(value));

    /// <summary>The duration an ISO 8601 text means, or null.</summary>
    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 64 || text.TrimStart('-')[0] != 'P')
        {
            return null;
        }

        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (Exception exception) when (exception is FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>The ISO 8601 text of a duration.</summary>
    public static string Format(TimeSpan value) => XmlConvert.ToString(value);
}
