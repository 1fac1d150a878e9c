using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;
using ResourceReserver.Infrastructure.Notifications;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Apis;

/// <summary>The signed-in user's in-app notification feed; nobody, admins included, reads another user's.</summary>
public static class NotificationsApi
{
    /// <summary>Maps <c>/api/v1/notifications</c>.</summary>
    public static RouteGroupBuilder MapNotificationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListNotifications");
        group.MapPost("/{id}/read", MarkReadAsync).WithName("MarkNotificationRead");
        group.MapPost("/read-all", MarkAllReadAsync).WithName("MarkAllNotificationsRead");
        return group;
    }

    private static async Task<Results<Ok<Page<Notification>>, ProblemHttpResult>> ListAsync(
        HttpContext http, NotificationStore store, string? limit, string? cursor, bool? unread, CancellationToken ct)
    {
        if (Paging.Limit(limit) is not { } size)
        {
            return Paging.InvalidLimit();
        }

        if (cursor is not null && !Cursor.TryDecode(cursor, out _, out _))
        {
            return Problem.Invalid("cursor", "cursor must be a value returned as nextCursor.");
        }

        return TypedResults.Ok(await store.ListAsync(http.User.UserId(), unread ?? false, size, cursor, ct));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkReadAsync(
        string id, HttpContext http, NotificationStore store, TimeProvider time, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var notificationId) || !await store.MarkReadAsync(http.User.UserId(), notificationId, time.GetUtcNow(), ct))
        {
            return Problem.Of(404, "notification_not_found", "You have no notification with this id.");
        }

        return TypedResults.NoContent();
    }

    private static async Task<Ok<MarkedRead>> MarkAllReadAsync(HttpContext http, NotificationStore store, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(new MarkedRead(await store.MarkAllReadAsync(http.User.UserId(), time.GetUtcNow(), ct)));
}
