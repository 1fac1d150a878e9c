using System.Globalization;

namespace ResourceReserver.CliTests.Fixtures;

/// <summary>Local dates ahead of today, written as the CLI reads them, so bookings are always in the future.</summary>
public static class Dates
{
    /// <summary><c>yyyy-MM-dd</c>, <paramref name="days"/> after today (UTC).</summary>
    public static string Ahead(int days) => DateTime.UtcNow.Date.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
