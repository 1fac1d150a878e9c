namespace ResourceReserver.Client.Contracts;

/// <summary>The secret calendar feed address; treat it like a password.</summary>
public sealed record CalendarSubscription(string Url, string Path);

/// <summary>How many notifications were marked read.</summary>
public sealed record MarkedRead(int Marked);

/// <summary>Body of webhook create and update; on update, absent fields stay as they are.</summary>
public sealed record WebhookRequest(string? Url, IReadOnlyList<string>? Events, bool? Active, string? Description);

/// <summary>A rotated webhook signing secret.</summary>
public sealed record SecretView(string Secret);

/// <summary>The event id of a queued test delivery.</summary>
public sealed record DeliveryQueued(string EventId);
