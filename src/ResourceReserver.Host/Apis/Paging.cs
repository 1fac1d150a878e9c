using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Host.Problems;

namespace ResourceReserver.Host.Apis;

/// <summary>The <c>?limit=</c> convention: 1–100, default 20.</summary>
internal static class Paging
{
    public static int? Limit(string? text) =>
        text is null ? 20 : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 100 ? n : null;

    public static ProblemHttpResult InvalidLimit() => Problem.Invalid("limit", "limit must be a whole number from 1 to 100.");
}

/// <summary>Parsing of ISO 8601 instants from query strings; an offset (or Z) is required.</summary>
internal static class Instants
{
    public static bool TryParseOptional(string? text, out DateTimeOffset? instant)
    {
        instant = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (text.Length <= 40
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            && (text.EndsWith('Z') || text.EndsWith('z') || text.LastIndexOfAny(['+', '-']) > 10))
        {
            instant = parsed.ToUniversalTime();
            return true;
        }

        return false;
    }
}
