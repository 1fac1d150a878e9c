using System.Text.Json;

namespace ResourceReserver.Cli.Output;

/// <summary>JSON the CLI writes itself, for the few commands whose answer is not one API body.</summary>
public static class ClientJson
{
    /// <summary>camelCase, indented.</summary>
    public static JsonSerializerOptions Indented { get; } = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
