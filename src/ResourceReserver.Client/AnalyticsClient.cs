using System.Globalization;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Client.Http;

namespace ResourceReserver.Client;

/// <summary>The filters every analytics report takes.</summary>
public sealed record AnalyticsFilters(DateTimeOffset? From = null, DateTimeOffset? Until = null, Guid? GroupId = null, Guid? ResourceId = null, string? TimeZone = null, int? Limit = null);

/// <summary>The analytics reports (<c>analytics.read</c>).</summary>
public sealed class AnalyticsClient(ApiTransport api)
{
    /// <summary>The reports <c>GET /analytics/{report}</c> answers.</summary>
    public static readonly IReadOnlyList<string> Reports = ["utilization", "popular", "peak", "users", "dashboard"];

    /// <summary><c>GET /analytics/utilization</c>.</summary>
    public Task<ApiResponse<UtilizationReport>> UtilizationAsync(AnalyticsFilters filters, CancellationToken ct) => GetAsync<UtilizationReport>("utilization", filters, ct);

    /// <summary><c>GET /analytics/popular</c>.</summary>
    public Task<ApiResponse<PopularReport>> PopularAsync(AnalyticsFilters filters, CancellationToken ct) => GetAsync<PopularReport>("popular", filters, ct);

    /// <summary><c>GET /analytics/peak</c>.</summary>
    public Task<ApiResponse<PeakReport>> PeakAsync(AnalyticsFilters filters, CancellationToken ct) => GetAsync<PeakReport>("peak", filters, ct);

    /// <summary><c>GET /analytics/users</c>.</summary>
    public Task<ApiResponse<UserActivityReport>> UsersAsync(AnalyticsFilters filters, CancellationToken ct) => GetAsync<UserActivityReport>("users", filters, ct);

    /// <summary><c>GET /analytics/dashboard</c>.</summary>
    public Task<ApiResponse<AnalyticsDashboard>> DashboardAsync(AnalyticsFilters filters, CancellationToken ct) => GetAsync<AnalyticsDashboard>("dashboard", filters, ct);

    /// <summary><c>GET /analytics/export/{report}.csv</c> copied to <paramref name="destination"/>; returns the bytes written.</summary>
    public Task<long> ExportAsync(string report, AnalyticsFilters filters, Stream destination, CancellationToken ct) =>
        api.StreamAsync(ApiTransport.Path($"api/v1/analytics/export/{report}.csv", Fields(filters)), destination, ct);

    private Task<ApiResponse<T>> GetAsync<T>(string report, AnalyticsFilters filters, CancellationToken ct) =>
        api.SendAsync<T>(HttpMethod.Get, ApiTransport.Path($"api/v1/analytics/{report}", Fields(filters)), null, ct);

    private static (string Name, string? Value)[] Fields(AnalyticsFilters f) =>
    [
        ("from", ApiTransport.Instant(f.From)), ("until", ApiTransport.Instant(f.Until)), ("groupId", f.GroupId?.ToString()),
        ("resourceId", f.ResourceId?.ToString()), ("timeZone", f.TimeZone), ("limit", f.Limit?.ToString(CultureInfo.InvariantCulture)),
    ];
}
