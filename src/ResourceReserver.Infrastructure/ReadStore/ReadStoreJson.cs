using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResourceReserver.Infrastructure.ReadStore;

/// <summary>The JSON shape of payloads in the read store: the API's own (camelCase, enums as strings).</summary>
public static class ReadStoreJson
{
    /// <summary>Options shared by the read store and the API.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new UtcInstantConverter());
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        return options;
    }
}
