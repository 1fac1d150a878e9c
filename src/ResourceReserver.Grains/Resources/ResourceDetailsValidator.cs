using NodaTime;
using ResourceReserver.Contracts;

namespace ResourceReserver.Resources;

/// <summary>Field-level checks of resource details; all failures are reported together.</summary>
public static class ResourceDetailsValidator
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxTags = 50;
    public const int MaxTagLength = 50;
    public const int MaxCapacity = 100_000;
    public const int MaxAttributes = 50;
    public const int MaxLabels = 50;

    /// <summary>Null when valid; otherwise a 422 error listing every offending field.</summary>
    public static DomainError? Validate(ResourceDetails details)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(details.Name) || details.Name.Length > MaxNameLength)
        {
            errors["name"] = [$"The name is required and may have at most {MaxNameLength} characters."];
        }

        if (details.Description?.Length > MaxDescriptionLength)
        {
            errors["description"] = [$"The description may have at most {MaxDescriptionLength} characters."];
        }

        if (details.Tags.Count > MaxTags || details.Tags.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > MaxTagLength))
        {
            errors["tags"] = [$"At most {MaxTags} non-empty tags of at most {MaxTagLength} characters."];
        }

        if (details.Capacity < 1 || details.Capacity > MaxCapacity)
        {
            errors["capacity"] = [$"The capacity must be between 1 and {MaxCapacity}."];
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(details.TimeZone ?? "") is null)
        {
            errors["timeZone"] = ["Not a known IANA time zone (for example Europe/London)."];
        }

        if (details.Attributes.Count > MaxAttributes || details.Attributes.Any(a => a.Key.Length > 100 || a.Value?.Length > 1000))
        {
            errors["attributes"] = [$"At most {MaxAttributes} attributes, keys up to 100 and values up to 1000 characters."];
        }

        if (details.Location?.Length > MaxNameLength)
        {
            errors["location"] = [$"The location may have at most {MaxNameLength} characters."];
        }

        var rules = details.Rules;
        if (rules.MinDuration <= TimeSpan.Zero || rules.MaxDuration < rules.MinDuration || rules.MaxDuration > TimeSpan.FromDays(31)
            || rules.MinNotice < TimeSpan.Zero || rules.MaxHorizon <= TimeSpan.Zero || rules.MaxHorizon > TimeSpan.FromDays(3650))
        {
            errors["rules"] = ["Durations must be positive with min ≤ max ≤ 31 days; notice ≥ 0; horizon up to 10 years."];
        }

        if (rules.BufferBefore < TimeSpan.Zero || rules.BufferAfter < TimeSpan.Zero || rules.BufferBefore > TimeSpan.FromDays(1)
            || rules.BufferAfter > TimeSpan.FromDays(1) || rules.MaxActivePerUser is < 0 or > 10_000)
        {
            errors["rules"] = ["Buffers are 0 to 24 hours; maxActivePerUser is 0 (no limit) to 10000."];
        }

        if (details.BusinessHours is { } hours && (hours.Periods.Count > 70
            || hours.Periods.Any(p => !Enum.IsDefined(p.Day) || (p.Closes <= p.Opens && p.Closes != TimeOnly.MinValue))))
        {
            errors["businessHours"] = ["At most 70 periods; each closes after it opens (closes 00:00 means midnight at the end of the day)."];
        }

        if (details.Labels.Count > MaxLabels)
        {
            errors["labels"] = [$"At most {MaxLabels} labels."];
        }

        if (details.Blackouts.Count > 1000)
        {
            errors["blackouts"] = ["At most 1000 blackout dates."];
        }

        return errors.Count == 0
            ? null
            : new DomainError(ErrorKind.Validation, ProblemCode.ValidationFailed, "Some fields are invalid.") { Errors = errors };
    }

    /// <summary>Trims the name and normalises tags to distinct lower-case words.</summary>
    public static ResourceDetails Normalize(ResourceDetails details) => details with
    {
        Name = details.Name?.Trim() ?? "",
        Tags = details.Tags.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim().ToLowerInvariant()).Distinct().ToList(),
        Labels = details.Labels.Distinct().ToList(),
    };

    /// <summary>Applies a patch over existing details.</summary>
    public static ResourceDetails Apply(ResourceDetails current, ResourcePatch patch) => current with
    {
        Name = patch.Name ?? current.Name,
        Description = patch.Description ?? current.Description,
        Tags = patch.Tags ?? current.Tags,
        Capacity = patch.Capacity ?? current.Capacity,
        TimeZone = patch.TimeZone ?? current.TimeZone,
        Attributes = patch.Attributes ?? current.Attributes,
        Location = patch.Location ?? current.Location,
        Rules = patch.Rules ?? current.Rules,
        BusinessHours = patch.ClearBusinessHours ? null : patch.BusinessHours ?? current.BusinessHours,
        Blackouts = patch.Blackouts ?? current.Blackouts,
        GroupId = patch.ClearGroup ? null : patch.GroupId ?? current.GroupId,
        Labels = patch.Labels ?? current.Labels,
    };
}
