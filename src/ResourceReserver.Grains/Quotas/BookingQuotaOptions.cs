namespace ResourceReserver.Quotas;

/// <summary>
/// Daily booking quotas per tier (<c>Quotas:&lt;tier&gt;:DailyBookings</c>, tiers as in
/// <see cref="Contracts.AccessTier"/>); a tier without a value books without limit.
/// </summary>
public sealed class BookingQuotaOptions : Dictionary<string, TierQuota>
{
    /// <summary>Tier names are matched without regard to case.</summary>
    public BookingQuotaOptions()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    /// <summary>The tier's daily limit, or null for unlimited.</summary>
    public int? DailyBookingsOf(string tier) => TryGetValue(tier, out var quota) ? quota.DailyBookings : null;
}

/// <summary>One tier's quota.</summary>
public sealed class TierQuota
{
    /// <summary>Bookings per UTC day; null (the default) means unlimited.</summary>
    public int? DailyBookings { get; set; }
}
