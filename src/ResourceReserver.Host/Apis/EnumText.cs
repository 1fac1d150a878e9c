namespace ResourceReserver.Host.Apis;

/// <summary>
/// Parses enum names exactly (case-insensitive). <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/> would
/// also take numbers and comma lists ("disabled,maintenance"), which are not valid API values.
/// </summary>
internal static class EnumText
{
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        // Multi-word names are written in snake case by the API (pending_approval).
        var name = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(n), text, StringComparison.OrdinalIgnoreCase));
        return name is not null && Enum.TryParse(name, out value);
    }
}
