using System.Globalization;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Client.Http;
using ResourceReserver.Client.Models;

namespace ResourceReserver.Client;

/// <summary>Notifications, the calendar feed and webhooks.</summary>
public sealed class IntegrationsClient(ApiTransport api)
{
    /// <summary><c>GET /notifications</c>, one page, newest first.</summary>
    public Task<ApiResponse<Page<Notification>>> NotificationsAsync(bool unreadOnly, int? limit, string? cursor, CancellationToken ct) =>
        api.SendAsync<Page<Notification>>(
            HttpMethod.Get,
            ApiTransport.Path("api/v1/notifications", ("unread", unreadOnly ? "true" : null), ("limit", limit?.ToString(CultureInfo.InvariantCulture)), ("cursor", cursor)),
            null,
            ct);

    /// <summary><c>POST /notifications/read-all</c>.</summary>
    public Task<ApiResponse<MarkedRead>> ReadAllAsync(CancellationToken ct) => api.SendAsync<MarkedRead>(HttpMethod.Post, "api/v1/notifications/read-all", null, ct);

    /// <summary><c>GET /calendar/subscription</c>: the secret feed URL.</summary>
    public Task<ApiResponse<CalendarSubscription>> CalendarAsync(CancellationToken ct) =>
        api.SendAsync<CalendarSubscription>(HttpMethod.Get, "api/v1/calendar/subscription", null, ct);

    /// <summary><c>POST /calendar/subscription/rotate</c>.</summary>
    public Task<ApiResponse<CalendarSubscription>> RotateCalendarAsync(CancellationToken ct) =>
        api.SendAsync<CalendarSubscription>(HttpMethod.Post, "api/v1/calendar/subscription/rotate", null, ct);

    /// <summary><c>GET /webhooks</c>.</summary>
    public Task<ApiResponse<WebhookList>> WebhooksAsync(CancellationToken ct) => api.SendAsync<WebhookList>(HttpMethod.Get, "api/v1/webhooks", null, ct);

    /// <summary><c>GET /webhooks/events</c>.</summary>
    public Task<ApiResponse<IReadOnlyList<WebhookEventType>>> WebhookEventsAsync(CancellationToken ct) =>
        api.SendAsync<IReadOnlyList<WebhookEventType>>(HttpMethod.Get, "api/v1/webhooks/events", null, ct);

    /// <summary><c>POST /webhooks</c>: the new webhook and its secret.</summary>
    public Task<ApiResponse<WebhookWithSecret>> CreateWebhookAsync(WebhookRequest request, CancellationToken ct) =>
        api.SendAsync<WebhookWithSecret>(HttpMethod.Post, "api/v1/webhooks", request, ct);

    /// <summary><c>DELETE /webhooks/{id}</c>.</summary>
    public Task<(int Status, string Body)> DeleteWebhookAsync(Guid id, CancellationToken ct) => api.SendRawAsync(HttpMethod.Delete, $"api/v1/webhooks/{id}", null, ct);

    /// <summary><c>GET /webhooks/{id}/deliveries</c>.</summary>
    public Task<ApiResponse<DeliveryList>> DeliveriesAsync(Guid id, CancellationToken ct) =>
        api.SendAsync<DeliveryList>(HttpMethod.Get, $"api/v1/webhooks/{id}/deliveries", null, ct);

    /// <summary><c>POST /webhooks/{id}/test</c>: queues a signed test delivery.</summary>
    public Task<ApiResponse<DeliveryQueued>> TestWebhookAsync(Guid id, CancellationToken ct) =>
        api.SendAsync<DeliveryQueued>(HttpMethod.Post, $"api/v1/webhooks/{id}/test", null, ct);
}
