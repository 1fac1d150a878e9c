using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Hosting;

/// <summary>
/// The zone a request asked instants to be shown in (<c>X-Timezone: Europe/Paris</c>): the same instants,
/// written with that zone's offset instead of <c>Z</c>. Flows with the request's async context.
/// </summary>
public static class ResponseTimeZone
{
    private static readonly AsyncLocal<DateTimeZone?> Zone = new();

    /// <summary>The zone of the current request, or null for UTC.</summary>
    public static DateTimeZone? Current
    {
        get => Zone.Value;
        set => Zone.Value = value;
    }

    /// <summary>Writes instants in <see cref="Current"/> (UTC with <c>Z</c> when none); reads like <see cref="UtcInstantConverter"/>.</summary>
    public sealed class Converter : JsonConverter<DateTimeOffset>
    {
        private readonly UtcInstantConverter _utc = new();

        /// <inheritdoc />
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            _utc.Read(ref reader, typeToConvert, options);

        /// <inheritdoc />
        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
        {
            if (Current is not { } zone)
            {
                _utc.Write(writer, value, options);
                return;
            }

            var local = value.ToOffset(zone.GetUtcOffset(Instant.FromDateTimeOffset(value)).ToTimeSpan());
            writer.WriteStringValue(local.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
        }
    }
}
