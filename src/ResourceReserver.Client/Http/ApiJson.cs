using System.Text.Json;

namespace ResourceReserver.Client.Http;

/// <summary>The API's JSON conventions (camelCase, web defaults).</summary>
public static class ApiJson
{
    /// <summary>Options for reading and writing API bodies.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { Converters = { new IsoDurationConverter() } };
}
