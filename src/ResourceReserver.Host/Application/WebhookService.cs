using Microsoft.Extensions.Options;
using ResourceReserver.Audit;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Apis;
using ResourceReserver.Infrastructure.Webhooks;
using static ResourceReserver.Host.Apis.WebhooksApi;

namespace ResourceReserver.Host.Application;

/// <summary>Webhook subscriptions, deliveries and secrets. Administrators only: a webhook sees every user's events.</summary>
public sealed class WebhookService(WebhookStore store, IOptions<WebhookOptions> options, TimeProvider time)
{
    /// <summary>The event types a webhook may subscribe to, with their descriptions.</summary>
    public static IReadOnlyDictionary<string, string> EventTypes => WebhookEvents.All;

    /// <summary>Every webhook.</summary>
    public async Task<Outcome<IReadOnlyList<Webhook>>> ListAsync(Actor actor, CancellationToken ct = default) =>
        Caller.Require(actor, Permission.WebhooksManage) is { } forbidden ? forbidden : Outcome<IReadOnlyList<Webhook>>.Ok(await store.ListAsync(ct));

    /// <summary>Creates a webhook; its signing secret is returned only now.</summary>
    public async Task<Outcome<WebhookWithSecret>> CreateAsync(Actor actor, WebhookRequest request, CancellationToken ct = default)
    {
        if ((Caller.Require(actor, Permission.WebhooksManage) ?? await ValidateAsync(request, requireAll: true, ct)) is { } problem)
        {
            return problem;
        }

        var now = time.GetUtcNow();
        var hook = new Webhook(Guid.CreateVersion7(), request.Url!, request.Events!.Distinct().ToArray(), request.Active ?? true, request.Description, actor.UserId, now, now);
        var secret = WebhookSignature.NewSecret();
        await store.CreateAsync(hook, secret, Audit(AuditActions.WebhookCreated, hook), ct);
        return new WebhookWithSecret(hook, secret);
    }

    /// <summary>One webhook.</summary>
    public async Task<Outcome<Webhook>> GetAsync(Actor actor, Guid id, CancellationToken ct = default) =>
        Caller.Require(actor, Permission.WebhooksManage) is { } forbidden ? forbidden : await store.GetAsync(id, ct) is { } hook ? hook : NotFound();

    /// <summary>Changes the fields present in <paramref name="request"/>.</summary>
    public async Task<Outcome<Webhook>> UpdateAsync(Actor actor, Guid id, WebhookRequest request, CancellationToken ct = default)
    {
        if (Caller.Require(actor, Permission.WebhooksManage) is { } forbidden)
        {
            return forbidden;
        }

        if (await store.GetAsync(id, ct) is not { } current)
        {
            return NotFound();
        }

        if (await ValidateAsync(request, requireAll: false, ct) is { } problem)
        {
            return problem;
        }

        var updated = current with
        {
            Url = request.Url ?? current.Url,
            Events = request.Events?.Distinct().ToArray() ?? current.Events,
            Active = request.Active ?? current.Active,
            Description = request.Description ?? current.Description,
            UpdatedAt = time.GetUtcNow(),
        };
        return await store.UpdateAsync(updated, Audit(AuditActions.WebhookUpdated, updated), ct) ? updated : NotFound();
    }

    /// <summary>Deletes a webhook and its queued deliveries.</summary>
    public async Task<Outcome<bool>> DeleteAsync(Actor actor, Guid id, CancellationToken ct = default) =>
        Caller.Require(actor, Permission.WebhooksManage) is { } forbidden ? forbidden
        : await store.DeleteAsync(id, Audit(AuditActions.WebhookDeleted, id), ct) ? true : NotFound();

    /// <summary>Replaces the signing secret; the new one is returned only now.</summary>
    public async Task<Outcome<SecretView>> RotateSecretAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        if (Caller.Require(actor, Permission.WebhooksManage) is { } forbidden)
        {
            return forbidden;
        }

        var secret = WebhookSignature.NewSecret();
        return await store.SetSecretAsync(id, secret, time.GetUtcNow(), Audit(AuditActions.WebhookSecretRotated, id), ct) ? new SecretView(secret) : NotFound();
    }

    /// <summary>Queues a signed <c>webhook.test</c> delivery.</summary>
    public async Task<Outcome<DeliveryQueued>> TestAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        if (Caller.Require(actor, Permission.WebhooksManage) is { } forbidden)
        {
            return forbidden;
        }

        if (await store.GetAsync(id, ct) is null)
        {
            return NotFound();
        }

        var now = time.GetUtcNow();
        var eventId = "test_" + Guid.CreateVersion7().ToString("N");
        var payload = WebhookConsumer.Payload(WebhookEvents.Test, eventId, now, new { message = "This is a test delivery from Resource Reserver." });
        await store.EnqueueAsync(id, eventId, WebhookEvents.Test, payload, now, Audit(AuditActions.WebhookTested, id), ct);
        return new DeliveryQueued(eventId);
    }

    /// <summary>Recent deliveries of a webhook, newest first.</summary>
    public async Task<Outcome<DeliveryList>> DeliveriesAsync(Actor actor, Guid id, string? limit, CancellationToken ct = default)
    {
        if (Caller.Require(actor, Permission.WebhooksManage) is { } forbidden)
        {
            return forbidden;
        }

        if (Paging.Limit(limit) is not { } size)
        {
            return Refusal.InvalidLimit();
        }

        return await store.GetAsync(id, ct) is null ? NotFound() : new DeliveryList(await store.ListDeliveriesAsync(id, size, ct));
    }

    /// <summary>Makes a delivery due now (one more attempt, same <c>webhook-id</c>).</summary>
    public async Task<Outcome<bool>> RetryAsync(Actor actor, Guid id, Guid deliveryId, CancellationToken ct = default) =>
        Caller.Require(actor, Permission.WebhooksManage) is { } forbidden ? forbidden
        : await store.RetryNowAsync(id, deliveryId, time.GetUtcNow(), Audit(AuditActions.WebhookRetried, id, $"delivery {deliveryId}"), ct) ? true
        : DomainError.NotFound(ProblemCode.DeliveryNotFound, "This webhook has no delivery with this id.");

    private async Task<DomainError?> ValidateAsync(WebhookRequest request, bool requireAll, CancellationToken ct)
    {
        if ((requireAll || request.Url is not null) && await WebhookTargetGuard.CheckAsync(request.Url, options.Value.AllowPrivateNetworks, ct) is { } urlError)
        {
            return Refusal.Invalid("url", urlError);
        }

        if ((requireAll || request.Events is not null) && (request.Events is not { Count: > 0 and <= 50 } events || events.Any(e => !WebhookEvents.All.ContainsKey(e))))
        {
            return Refusal.Invalid("events", "events must list one or more names from GET /api/v1/webhooks/events.");
        }

        return request.Description?.Length > 500 ? Refusal.Invalid("description", "At most 500 characters.") : null;
    }

    /// <summary>The audit entry of a change to <paramref name="hook"/>: its host and events, never its secret nor the rest of its URL (which may carry a token).</summary>
    private AuditEntry Audit(string action, Webhook hook) =>
        Audit(action, hook.Id, $"host: {(Uri.TryCreate(hook.Url, UriKind.Absolute, out var uri) ? uri.Host : "?")}; events: {string.Join(",", hook.Events)}; active: {hook.Active}");

    private AuditEntry Audit(string action, Guid id, string? detail = null) =>
        AuditEntry.Of(action, time.GetUtcNow(), entityType: "webhook", entityId: id.ToString(), detail: detail);

    private static DomainError NotFound() => DomainError.NotFound(ProblemCode.WebhookNotFound, "No webhook has this id.");
}
