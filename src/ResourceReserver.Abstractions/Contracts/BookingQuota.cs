namespace ResourceReserver.Contracts;

/// <summary>A user's daily booking quota as <c>GET /users/me/quota</c> shows it.</summary>
/// <param name="Tier">The tier the default comes from.</param>
/// <param name="DailyBookings">Bookings allowed per UTC day; null means unlimited.</param>
/// <param name="UsedToday">Bookings counted today.</param>
/// <param name="ResetsAt">The next UTC midnight, when the count starts again.</param>
/// <param name="Overridden">True when an administrator set this user's own limit.</param>
[GenerateSerializer, Immutable, Alias("rr.QuotaStatus")]
public sealed record QuotaStatus(
    [property: Id(0)] string Tier,
    [property: Id(1)] int? DailyBookings,
    [property: Id(2)] int UsedToday,
    [property: Id(3)] DateTimeOffset ResetsAt,
    [property: Id(4)] bool Overridden);

/// <summary>
/// Quota units counted for a booking before the resource decides on it; handed back when it is refused.
/// Empty when the user's quota is unlimited (nothing was counted).
/// </summary>
[GenerateSerializer, Immutable, Alias("rr.QuotaUnits")]
public sealed record QuotaUnits([property: Id(0)] IReadOnlyList<Guid> Ids)
{
    /// <summary>Nothing counted: the quota is unlimited.</summary>
    public static QuotaUnits None { get; } = new([]);
}
