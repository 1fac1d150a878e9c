using ResourceReserver.Contracts;
using ResourceReserver.Host.Apis;
using ResourceReserver.Infrastructure.Notifications;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Application;

/// <summary>The actor's in-app notification feed; nobody, administrators included, reads another user's.</summary>
public sealed class NotificationService(NotificationStore store, TimeProvider time)
{
    /// <summary>Most unread notifications counted exactly; above it the UI shows "99+".</summary>
    public const int UnreadCountCap = 99;

    /// <summary>The actor's notifications, newest first.</summary>
    public async Task<Outcome<Page<Notification>>> ListAsync(Actor actor, string? limit, string? cursor, bool unreadOnly, CancellationToken ct = default)
    {
        if (Paging.Limit(limit) is not { } size)
        {
            return Refusal.InvalidLimit();
        }

        if (cursor is not null && !Cursor.TryDecode(cursor, out _, out _))
        {
            return Refusal.Invalid("cursor", "cursor must be a value returned as nextCursor.");
        }

        return await store.ListAsync(actor.UserId, unreadOnly, size, cursor, ct);
    }

    /// <summary>How many notifications the actor has not read, up to <see cref="UnreadCountCap"/> + 1.</summary>
    public async Task<int> CountUnreadAsync(Actor actor, CancellationToken ct = default)
    {
        var page = await store.ListAsync(actor.UserId, unreadOnly: true, UnreadCountCap, null, ct);
        return page.Items.Count + (page.NextCursor is null ? 0 : 1);
    }

    /// <summary>Marks one of the actor's notifications read.</summary>
    public async Task<Outcome<bool>> MarkReadAsync(Actor actor, string id, CancellationToken ct = default) =>
        Guid.TryParse(id, out var notificationId) && await store.MarkReadAsync(actor.UserId, notificationId, time.GetUtcNow(), ct)
            ? true
            : DomainError.NotFound(ProblemCode.NotificationNotFound, "You have no notification with this id.");

    /// <summary>Marks all of the actor's notifications read; returns how many were unread.</summary>
    public Task<int> MarkAllReadAsync(Actor actor, CancellationToken ct = default) => store.MarkAllReadAsync(actor.UserId, time.GetUtcNow(), ct);
}
