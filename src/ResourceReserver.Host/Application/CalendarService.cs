using ResourceReserver.Audit;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Apis;
using ResourceReserver.Infrastructure.Calendar;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Application;

/// <summary>iCalendar: one reservation as .ics, and a secret per-user feed URL calendar apps can subscribe to.</summary>
public sealed class CalendarService(SqlReadStore store, EventLog log, CalendarFeedStore feeds, TimeProvider time)
{
    private const int FeedLimit = 1000;

    /// <summary>One reservation of the actor (any, for an administrator) as an iCalendar document.</summary>
    public async Task<Outcome<string>> ReservationAsync(Actor actor, string id, CancellationToken ct = default)
    {
        if (!Guid.TryParse(id, out var reservationId) || await store.GetReservationAsync(reservationId, ct) is not { } reservation
            || (reservation.UserId != actor.UserId && !actor.IsAdmin))
        {
            return DomainError.NotFound(ProblemCode.ReservationNotFound, "No reservation with this id is visible to you.");
        }

        return await WriteAsync([reservation], "Reservation", ct);
    }

    /// <summary>The actor's secret feed address under <paramref name="baseUri"/>, created on first use.</summary>
    public async Task<CalendarSubscription> SubscriptionAsync(Actor actor, string baseUri, CancellationToken ct = default) =>
        ToSubscription(baseUri, await feeds.GetOrCreateAsync(actor.UserId, time.GetUtcNow(), ct));

    /// <summary>Replaces the actor's feed address; the old one stops working.</summary>
    public async Task<CalendarSubscription> RotateAsync(Actor actor, string baseUri, CancellationToken ct = default) =>
        ToSubscription(baseUri, await feeds.RotateAsync(actor.UserId, time.GetUtcNow(),
            AuditEntry.Of(AuditActions.CalendarFeedRotated, time.GetUtcNow(), entityType: "user", entityId: actor.UserId.ToString()), ct));

    /// <summary>The feed behind a secret token: the owner's reservations from 90 days ago on.</summary>
    public async Task<Outcome<string>> FeedAsync(string token, CancellationToken ct = default)
    {
        if (await feeds.FindOwnerAsync(token, ct) is not { } userId)
        {
            return DomainError.NotFound(ProblemCode.FeedNotFound, "No calendar feed has this address.");
        }

        var reservations = new List<Reservation>();
        string? cursor = null;
        do
        {
            var page = await store.ListReservationsAsync(new ReservationFilter(userId, null, time.GetUtcNow().AddDays(-90), null, null, 100, cursor), ct);
            reservations.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null && reservations.Count < FeedLimit);

        return await WriteAsync(reservations, "Reservations", ct);
    }

    private async Task<string> WriteAsync(IReadOnlyList<Reservation> reservations, string name, CancellationToken ct)
    {
        var resources = new Dictionary<Guid, ResourceSnapshot>();
        foreach (var resourceId in reservations.Select(r => r.ResourceId).Distinct())
        {
            if (await log.GetResourceAsync(resourceId, ct) is { } resource)
            {
                resources[resourceId] = resource;
            }
        }

        return ReservationCalendar.Write(reservations, resources, name);
    }

    private static CalendarSubscription ToSubscription(string baseUri, string token)
    {
        var path = $"/api/v1/calendar/feeds/{token}.ics";
        return new CalendarSubscription(baseUri.TrimEnd('/') + path, path);
    }
}
