using ResourceReserver.Contracts;

namespace ResourceReserver.Grains;

/// <summary>
/// One user's daily booking count (key: the user id). It runs one request at a time and stores every unit it grants
/// before answering, so bookings decided concurrently on many resources, through any silo, can never together
/// exceed the quota.
/// </summary>
[Alias("rr.IBookingQuotaGrain")]
public interface IBookingQuotaGrain : IGrainWithGuidKey
{
    /// <summary>
    /// Counts <paramref name="count"/> bookings against today's quota; refused (<c>quota_exceeded</c>) when they do
    /// not all fit. The units are stored before the answer.
    /// </summary>
    [Alias("Reserve")]
    Task<Outcome<QuotaUnits>> ReserveAsync(int count);

    /// <summary>Hands back units whose bookings were refused (or were a replay that created nothing).</summary>
    [Alias("Release")]
    Task ReleaseAsync(IReadOnlyList<Guid> units);

    /// <summary>The quota as it stands now.</summary>
    [Alias("Get")]
    Task<QuotaStatus> GetAsync();

    /// <summary>Sets this user's own daily limit (an administrator's override); null returns to the tier default.</summary>
    [Alias("SetOverride")]
    Task<QuotaStatus> SetOverrideAsync(int? dailyBookings);
}
