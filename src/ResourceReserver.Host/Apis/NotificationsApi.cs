using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Host.Application;
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
        HttpContext http, NotificationService notifications, string? limit, string? cursor, bool? unread, CancellationToken ct) =>
        (await notifications.ListAsync(http.User.Actor(), limit, cursor, unread ?? false, ct)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkReadAsync(string id, HttpContext http, NotificationService notifications, CancellationToken ct) =>
        (await notifications.MarkReadAsync(http.User.Actor(), id, ct)).ToNoContent();

    private static async Task<Ok<MarkedRead>> MarkAllReadAsync(HttpContext http, NotificationService notifications, CancellationToken ct) =>
        TypedResults.Ok(new MarkedRead(await notifications.MarkAllReadAsync(http.User.Actor(), ct)));
}
