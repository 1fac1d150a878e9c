namespace ResourceReserver.Contracts;

/// <summary>An account as shown to its owner and administrators; never carries secrets.</summary>
[GenerateSerializer, Immutable, Alias("rr.UserProfile")]
public sealed record UserProfile
{
    [Id(0)] public Guid Id { get; init; }
    [Id(1)] public required string Username { get; init; }
    [Id(2)] public string? Email { get; init; }
    [Id(3)] public IReadOnlyList<string> Roles { get; init; } = [];
    [Id(4)] public NotificationPreferences Preferences { get; init; } = new();
    [Id(5)] public DateTimeOffset CreatedAt { get; init; }
    [Id(6)] public long Version { get; init; }
}

/// <summary>How a user wants to be told about their bookings.</summary>
[GenerateSerializer, Immutable, Alias("rr.NotificationPreferences")]
public sealed record NotificationPreferences
{
    [Id(0)] public bool EmailNotifications { get; init; } = true;

    /// <summary>Lead times, in hours before start, for reminders.</summary>
    [Id(1)] public IReadOnlyList<int> ReminderLeadTimesHours { get; init; } = [24, 1];
}

/// <summary>A partial update of a profile by its owner.</summary>
[GenerateSerializer, Immutable, Alias("rr.ProfilePatch")]
public sealed record ProfilePatch
{
    [Id(0)] public string? Email { get; init; }
    [Id(1)] public bool ClearEmail { get; init; }
    [Id(2)] public NotificationPreferences? Preferences { get; init; }
}

/// <summary>Role names.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string User = "user";
}
