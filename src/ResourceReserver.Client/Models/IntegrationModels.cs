namespace ResourceReserver.Client.Models;

/// <summary>A webhook subscription.</summary>
public sealed record Webhook(Guid Id, string Url, IReadOnlyList<string> Events, bool Active, string? Description, Guid CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>A new webhook with its signing secret, shown only once.</summary>
public sealed record WebhookWithSecret(Webhook Webhook, string Secret);

/// <summary>The webhooks list: <c>{ items }</c>.</summary>
public sealed record WebhookList(IReadOnlyList<Webhook> Items);

/// <summary>One event type a webhook may subscribe to.</summary>
public sealed record WebhookEventType(string Type, string Description);

/// <summary>One attempt series of sending one event to one webhook.</summary>
public sealed record WebhookDelivery(
    Guid Id, Guid WebhookId, string EventId, string EventType, string Status, int Attempts, DateTimeOffset NextAttemptAt,
    int? LastStatusCode, string? LastError, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Recent deliveries, newest first.</summary>
public sealed record DeliveryList(IReadOnlyList<WebhookDelivery> Items);

/// <summary><c>GET /health</c>: overall status and one entry per component.</summary>
public sealed record HealthReport(string Status, double TotalDurationMs, IReadOnlyDictionary<string, HealthComponent> Components);

/// <summary>The health of one component.</summary>
public sealed record HealthComponent(string Status, string? Description, double DurationMs, IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Data);
