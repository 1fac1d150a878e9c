using System.Globalization;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Apis;

namespace ResourceReserver.Host.Views;

/// <summary>Projections of resources to their API shape, and the conversion of written rules and hours to grain types.</summary>
public static class ResourceViews
{
    extension(ResourceView)
    {
        /// <summary>Projects a snapshot to the API shape.</summary>
        public static ResourceView From(ResourceSnapshot r) => new(
            r.Id,
            r.Details.Name,
            r.Details.Description,
            r.Details.Tags,
            r.Details.Capacity,
            r.Details.TimeZone,
            r.Details.Attributes,
            r.Details.Location,
            r.Status.ToString().ToLowerInvariant(),
            r.StatusResetsAt,
            new RulesView(
                (int)r.Details.Rules.MinDuration.TotalMinutes,
                (int)r.Details.Rules.MaxDuration.TotalMinutes,
                (int)r.Details.Rules.MinNotice.TotalMinutes,
                (int)r.Details.Rules.MaxHorizon.TotalDays,
                (int)r.Details.Rules.BufferBefore.TotalMinutes,
                (int)r.Details.Rules.BufferAfter.TotalMinutes,
                r.Details.Rules.MaxActivePerUser,
                r.Details.Rules.RequiresApproval,
                r.Details.Rules.Approvers,
                System.Xml.XmlConvert.ToString(r.Details.Rules.EffectiveApprovalTimeout)),
            r.CreatedAt,
            r.UpdatedAt,
            r.Details.BusinessHours is { } hours ? OpeningPeriodBody.From(hours) : null,
            r.Details.Blackouts.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList(),
            r.Details.GroupId,
            r.Details.Labels);
    }

    /// <summary>Applies the given fields over <paramref name="current"/>.</summary>
    public static BookingRules ApplyTo(this BookingRulesBody body, BookingRules current) => current with
    {
        MinDuration = body.MinDurationMinutes is { } min ? TimeSpan.FromMinutes(min) : current.MinDuration,
        MaxDuration = body.MaxDurationMinutes is { } max ? TimeSpan.FromMinutes(max) : current.MaxDuration,
        MinNotice = body.MinNoticeMinutes is { } notice ? TimeSpan.FromMinutes(notice) : current.MinNotice,
        MaxHorizon = body.MaxHorizonDays is { } days ? TimeSpan.FromDays(days) : current.MaxHorizon,
        BufferBefore = body.BufferBeforeMinutes is { } before ? TimeSpan.FromMinutes(before) : current.BufferBefore,
        BufferAfter = body.BufferAfterMinutes is { } after ? TimeSpan.FromMinutes(after) : current.BufferAfter,
        MaxActivePerUser = body.MaxActivePerUser ?? current.MaxActivePerUser,
        RequiresApproval = body.RequiresApproval ?? current.RequiresApproval,
        Approvers = body.Approvers is { } approvers ? approvers.Select(Guid.Parse).Distinct().ToList() : current.Approvers,
        ApprovalTimeout = body.ParsedApprovalTimeout() ?? current.ApprovalTimeout,
    };

    extension(OpeningPeriodBody)
    {
        /// <summary>The API shape of stored hours.</summary>
        public static IReadOnlyList<OpeningPeriodBody> From(BusinessHours hours) => hours.Periods
            .Select(p => new OpeningPeriodBody(p.Day.ToString().ToLowerInvariant(), p.Opens.ToString("HH:mm", CultureInfo.InvariantCulture), p.Closes.ToString("HH:mm", CultureInfo.InvariantCulture)))
            .ToList();

        /// <summary>Parses periods and blackout dates; a message names the first bad value.</summary>
        public static (BusinessHours? Hours, IReadOnlyList<DateOnly>? Blackouts, string? Field, string? Problem) Parse(
            IReadOnlyList<OpeningPeriodBody>? periods, IReadOnlyList<string>? blackouts)
        {
            BusinessHours? hours = null;
            if (periods is not null)
            {
                var parsed = new List<OpeningPeriod>();
                foreach (var period in periods.Take(71))
                {
                    if (period is null || !EnumText.TryParse<DayOfWeek>(period.Day, out var day)
                        || !TryTime(period.Opens, out var opens) || !TryTime(period.Closes, out var closes))
                    {
                        return (null, null, "businessHours", "Each period is {day: monday..sunday, opens: \"HH:mm\", closes: \"HH:mm\"}.");
                    }

                    parsed.Add(new OpeningPeriod(day, opens, closes));
                }

                hours = new BusinessHours { Periods = parsed };
            }

            List<DateOnly>? dates = null;
            if (blackouts is not null)
            {
                dates = [];
                foreach (var text in blackouts.Take(1001))
                {
                    if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        return (null, null, "blackouts", "Blackouts are local dates written yyyy-MM-dd.");
                    }

                    dates.Add(date);
                }
            }

            return (hours, dates, null, null);
        }
    }

    private static bool TryTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
}
