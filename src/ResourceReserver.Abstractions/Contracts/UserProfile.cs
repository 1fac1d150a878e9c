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

    /// <summary><c>active</c> or <c>disabled</c> (a disabled account cannot sign in), or <c>deleted</c> once erased.</summary>
    [Id(7)] public string Status { get; init; } = UserStatus.Active;

    /// <summary>True while sign-in needs a TOTP or backup code.</summary>
    [Id(8)] public bool MfaEnabled { get; init; }

    /// <summary>The last successful sign-in.</summary>
    [Id(9)] public DateTimeOffset? LastLoginAt { get; init; }
}

/// <summary>Account statuses.</summary>
public static class UserStatus
{
    public const string Active = "active";
    public const string Disabled = "disabled";
    public const string Deleted = "deleted";
}

/// <summary>How a user wants to be told about their bookings.</summary>
[GenerateSerializer, Immutable, Alias("rr.NotificationPreferences")]
public sealed record NotificationPreferences
{
    [Id(0)] public bool EmailNotifications { get; init; } = true;

    /// <summary>Lead times, in hours before start, for reminders.</summary>
    [Id(1)] public IReadOnlyList<int> ReminderLeadTimesHours { get; init; } = [24, 1];

    /// <summary>The language of notifications and e-mail: one of <see cref="Languages"/>.</summary>
    [Id(2)] public string Language { get; init; } = "en";

    /// <summary>The languages the service speaks; the first is the default.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "es", "fr"];
}

/// <summary>A partial update of a profile by its owner.</summary>
[GenerateSerializer, Immutable, Alias("rr.ProfilePatch")]
public sealed record ProfilePatch
{
    [Id(0)] public string? Email { get; init; }
    [Id(1)] public bool ClearEmail { get; init; }
    [Id(2)] public NotificationPreferences? Preferences { get; init; }
}

/// <summary>The built-in role names (immutable; custom roles live in the role directory).</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Premium = "premium";
    public const string User = "user";
    public const string Guest = "guest";
}
