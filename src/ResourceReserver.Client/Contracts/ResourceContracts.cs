namespace ResourceReserver.Client.Contracts;

/// <summary>Body of <c>POST /resources</c>.</summary>
public sealed record CreateResourceRequest(
    string? Name,
    string? Description,
    IReadOnlyList<string>? Tags,
    int? Capacity,
    string? TimeZone,
    Dictionary<string, string>? Attributes,
    string? Location,
    BookingRulesBody? Rules,
    IReadOnlyList<OpeningPeriodBody>? BusinessHours = null,
    IReadOnlyList<string>? Blackouts = null,
    Guid? GroupId = null,
    IReadOnlyList<Guid>? Labels = null);

/// <summary>Body of <c>PATCH /resources/{id}</c>: only the fields present change.</summary>
public sealed record UpdateResourceRequest(
    string? Name,
    string? Description,
    IReadOnlyList<string>? Tags,
    int? Capacity,
    string? TimeZone,
    Dictionary<string, string>? Attributes,
    string? Location,
    BookingRulesBody? Rules,
    IReadOnlyList<OpeningPeriodBody>? BusinessHours = null,
    IReadOnlyList<string>? Blackouts = null,
    bool? UseDefaultBusinessHours = null,
    Guid? GroupId = null,
    bool? RemoveFromGroup = null,
    IReadOnlyList<Guid>? Labels = null);

/// <summary>Booking rules in minutes, as clients write them.</summary>
public sealed record BookingRulesBody(
    int? MinDurationMinutes,
    int? MaxDurationMinutes,
    int? MinNoticeMinutes,
    int? MaxHorizonDays,
    int? BufferBeforeMinutes = null,
    int? BufferAfterMinutes = null,
    int? MaxActivePerUser = null,
    bool? RequiresApproval = null,
    IReadOnlyList<string>? Approvers = null,
    string? ApprovalTimeout = null)
{
    private const int MaxMinutes = 3650 * 24 * 60;

    /// <summary>Most approvers one resource may list.</summary>
    public const int MaxApprovers = 50;

    /// <summary>The approval timeout parsed from ISO 8601 (<c>P2D</c>, <c>PT4H</c>), or null when absent or malformed.</summary>
    public TimeSpan? ParsedApprovalTimeout()
    {
        try
        {
            return ApprovalTimeout is null ? null : System.Xml.XmlConvert.ToTimeSpan(ApprovalTimeout);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>A message when the approval fields are malformed: approvers must be user ids, the timeout 1 minute to 365 days.</summary>
    public string? ApprovalProblem() =>
        (Approvers is { } approvers && (approvers.Count > MaxApprovers || approvers.Any(a => !Guid.TryParse(a, out _))))
        || (ApprovalTimeout is not null && ParsedApprovalTimeout() is not { } timeout)
        || ParsedApprovalTimeout() is { } t && (t < TimeSpan.FromMinutes(1) || t > TimeSpan.FromDays(365))
            ? $"approvers are at most {MaxApprovers} user ids; approvalTimeout is an ISO 8601 duration from PT1M to P365D."
            : null;

    /// <summary>A message when a number is out of any sensible range (checked before converting, so nothing overflows).</summary>
    public string? RangeProblem() =>
        MinDurationMinutes is < 1 or > MaxMinutes || MaxDurationMinutes is < 1 or > MaxMinutes
        || MinNoticeMinutes is < 0 or > MaxMinutes || MaxHorizonDays is < 1 or > 3650
        || BufferBeforeMinutes is < 0 or > 1440 || BufferAfterMinutes is < 0 or > 1440 || MaxActivePerUser is < 0 or > 10_000
            ? "Durations and notice are whole minutes up to 10 years; the horizon is 1 to 3650 days; buffers 0 to 1440 minutes; maxActivePerUser 0 to 10000."
            : null;
}

/// <summary>One opening period as clients write it: <c>{day: "monday", opens: "09:00", closes: "17:00"}</c>.</summary>
public sealed record OpeningPeriodBody(string? Day, string? Opens, string? Closes);

/// <summary>Body of <c>PUT /resources/{id}/status</c>.</summary>
public sealed record SetStatusRequest(string? Status, string? AutoResetAfter);

/// <summary>A resource as the API shows it.</summary>
public sealed record ResourceView(
    Guid Id,
    string Name,
    string? Description,
    IReadOnlyList<string> Tags,
    int Capacity,
    string TimeZone,
    IReadOnlyDictionary<string, string> Attributes,
    string? Location,
    string Status,
    DateTimeOffset? StatusResetsAt,
    RulesView Rules,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<OpeningPeriodBody>? BusinessHours,
    IReadOnlyList<string> Blackouts,
    Guid? GroupId = null,
    IReadOnlyList<Guid>? Labels = null);

/// <summary>Booking rules as the API shows them.</summary>
public sealed record RulesView(
    int MinDurationMinutes,
    int MaxDurationMinutes,
    int MinNoticeMinutes,
    int MaxHorizonDays,
    int BufferBeforeMinutes,
    int BufferAfterMinutes,
    int MaxActivePerUser,
    bool RequiresApproval = false,
    IReadOnlyList<Guid>? Approvers = null,
    string? ApprovalTimeout = null);
