using NodaTime;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Apis;
using ResourceReserver.Host.Application;
using ResourceReserver.Infrastructure.Analytics;

namespace ResourceReserver.Host.Analytics;

/// <summary>The query every analytics endpoint takes, as sent (validated by <see cref="AnalyticsQueries.Parse"/>).</summary>
/// <param name="From">Start of the window, an instant with an offset (default: 30 days before <c>until</c>).</param>
/// <param name="Until">End of the window, exclusive (default: now).</param>
/// <param name="GroupId">Only resources in this group and its subgroups.</param>
/// <param name="ResourceId">Only this resource.</param>
/// <param name="TimeZone">IANA zone the peak hours are counted in (default UTC).</param>
/// <param name="Limit">How many resources <c>popular</c> ranks (1–100, default 10).</param>
public sealed record AnalyticsQuery(
    string? From = null,
    string? Until = null,
    string? GroupId = null,
    string? ResourceId = null,
    string? TimeZone = null,
    string? Limit = null);

/// <summary>A validated <see cref="AnalyticsQuery"/>.</summary>
public sealed record AnalyticsRequest(AnalyticsFilter Filter, DateTimeZone Zone, int Limit);

/// <summary>Validates analytics queries: every bad value is one 422 naming its field.</summary>
public static class AnalyticsQueries
{
    /// <summary>The longest window a report covers.</summary>
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(366);

    /// <summary>The window when none is given: the 30 days before <c>until</c>.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);

    /// <summary>The request, or the refusal listing every bad field.</summary>
    public static Outcome<AnalyticsRequest> Parse(AnalyticsQuery query, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Instants.TryParseOptional(query.From, out var from))
        {
            errors["from"] = ["from must be an ISO 8601 instant with an offset, e.g. 2027-01-01T00:00:00Z."];
        }

        if (!Instants.TryParseOptional(query.Until, out var until))
        {
            errors["until"] = ["until must be an ISO 8601 instant with an offset, e.g. 2027-02-01T00:00:00Z."];
        }

        var end = until ?? (from is { } f0 && f0 + DefaultWindow < now ? f0 + DefaultWindow : now);
        var start = from ?? end - DefaultWindow;
        if (!errors.ContainsKey("from") && !errors.ContainsKey("until"))
        {
            if (end <= start)
            {
                errors["until"] = ["until must be after from."];
            }
            else if (end - start > MaxWindow)
            {
                errors["until"] = [$"The window from from to until may span at most {MaxWindow.TotalDays:0} days."];
            }
        }

        var groupId = Id("groupId", query.GroupId);
        var resourceId = Id("resourceId", query.ResourceId);
        var zone = query.TimeZone is null ? DateTimeZone.Utc : DateTimeZoneProviders.Tzdb.GetZoneOrNull(query.TimeZone);
        if (zone is null)
        {
            errors["timeZone"] = ["timeZone must be an IANA time zone such as Europe/Berlin or UTC."];
        }

        var limit = query.Limit is null ? 10 : Paging.Limit(query.Limit);
        if (limit is null)
        {
            errors["limit"] = ["limit must be a whole number from 1 to 100."];
        }

        return errors.Count > 0
            ? Refusal.Fields(errors)
            : new AnalyticsRequest(new AnalyticsFilter(start, end, groupId, resourceId), zone!, limit!.Value);

        Guid? Id(string field, string? text)
        {
            if (text is null)
            {
                return null;
            }

            if (Guid.TryParse(text, out var id))
            {
                return id;
            }

            errors[field] = [$"{field} must be a UUID."];
            return null;
        }
    }
}
