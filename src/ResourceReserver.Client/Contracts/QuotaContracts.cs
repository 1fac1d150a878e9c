namespace ResourceReserver.Client.Contracts;

/// <summary>
/// <c>GET /users/me/quota</c>: the daily booking quota. <paramref name="DailyBookings"/> null means unlimited;
/// <paramref name="ResetsAt"/> is the next UTC midnight.
/// </summary>
public sealed record QuotaView(string Tier, int? DailyBookings, int UsedToday, DateTimeOffset ResetsAt);

/// <summary>Body of <c>PUT /users/{id}/quota</c>: the user's own daily limit; null returns to the tier default.</summary>
public sealed record SetQuotaRequest(int? DailyBookings);
