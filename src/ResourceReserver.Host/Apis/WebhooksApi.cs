using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;
using ResourceReserver.Infrastructure.Webhooks;
using Microsoft.Extensions.Options;

namespace ResourceReserver.Host.Apis;

/// <summary>Webhook subscriptions, deliveries and secrets. Administrators only: a webhook sees every user's events.</summary>
public static class WebhooksApi
{
    /// <summary>Maps <c>/api/v1/webhooks</c>.</summary>
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(AuthSetup.AdminPolicy);
        group.MapGet("/events", () => TypedResults.Ok(WebhookEvents.All.Select(e => new { type = e.Key, description = e.Value }))).WithName("ListWebhookEvents");
        group.MapPost("/", CreateAsync).WithName("CreateWebhook");
        group.MapGet("/", async (WebhookStore store, CancellationToken ct) => TypedResults.Ok(new { items = await store.ListAsync(ct) })).WithName("ListWebhooks");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetWebhook");
        group.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateWebhook");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWebhook");
        group.MapPost("/{id:guid}/rotate-secret", RotateAsync).WithName("RotateWebhookSecret");
        group.MapPost("/{id:guid}/test", TestAsync).WithName("TestWebhook");
        group.MapGet("/{id:guid}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries");
        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/retry", RetryAsync).WithName("RetryWebhookDelivery");
        return group;
    }

    private static async Task<Results<Created<WebhookWithSecret>, ProblemHttpResult>> CreateAsync(
        WebhookRequest request, HttpContext http, WebhookStore store, IOptions<WebhookOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (await ValidateAsync(request, options.Value, requireAll: true, ct) is { } problem)
        {
            return problem;
        }

        var now = time.GetUtcNow();
        var hook = new Webhook(Guid.CreateVersion7(), request.Url!, request.Events!.Distinct().ToArray(), request.Active ?? true, request.Description, http.User.UserId(), now, now);
        var secret = WebhookSignature.NewSecret();
        await store.CreateAsync(hook, secret, ct);
        return TypedResults.Created($"/api/v1/webhooks/{hook.Id}", new WebhookWithSecret(hook, secret));
    }

    private static async Task<Results<Ok<Webhook>, ProblemHttpResult>> GetAsync(Guid id, WebhookStore store, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } hook ? TypedResults.Ok(hook) : NotFound();

    private static async Task<Results<Ok<Webhook>, ProblemHttpResult>> UpdateAsync(
        Guid id, WebhookRequest request, WebhookStore store, IOptions<WebhookOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } current)
        {
            return NotFound();
        }

        if (await ValidateAsync(request, options.Value, requireAll: false, ct) is { } problem)
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
        return await store.UpdateAsync(updated, ct) ? TypedResults.Ok(updated) : NotFound();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, WebhookStore store, CancellationToken ct) =>
        await store.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound();

    private static async Task<Results<Ok<SecretView>, ProblemHttpResult>> RotateAsync(Guid id, WebhookStore store, TimeProvider time, CancellationToken ct)
    {
        var secret = WebhookSignature.NewSecret();
        return await store.SetSecretAsync(id, secret, time.GetUtcNow(), ct) ? TypedResults.Ok(new SecretView(secret)) : NotFound();
    }

    private static async Task<Results<Accepted<DeliveryQueued>, ProblemHttpResult>> TestAsync(Guid id, WebhookStore store, TimeProvider time, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is null)
        {
            return NotFound();
        }

        var now = time.GetUtcNow();
        var eventId = "test_" + Guid.CreateVersion7().ToString("N");
        var payload = WebhookConsumer.Payload(WebhookEvents.Test, eventId, now, new { message = "This is a test delivery from Resource Reserver." });
        await store.EnqueueAsync(id, eventId, WebhookEvents.Test, payload, now, ct);
        return TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries", new DeliveryQueued(eventId));
    }

    private static async Task<Results<Ok<DeliveryList>, ProblemHttpResult>> DeliveriesAsync(Guid id, string? limit, WebhookStore store, CancellationToken ct)
    {
        if (Paging.Limit(limit) is not { } size)
        {
            return Paging.InvalidLimit();
        }

        return await store.GetAsync(id, ct) is null ? NotFound() : TypedResults.Ok(new DeliveryList(await store.ListDeliveriesAsync(id, size, ct)));
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> RetryAsync(Guid id, Guid deliveryId, WebhookStore store, TimeProvider time, CancellationToken ct) =>
        await store.RetryNowAsync(id, deliveryId, time.GetUtcNow(), ct)
            ? TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries")
            : Problem.Of(404, "delivery_not_found", "This webhook has no delivery with this id.");

    private static async Task<ProblemHttpResult?> ValidateAsync(WebhookRequest request, WebhookOptions options, bool requireAll, CancellationToken ct)
    {
        if ((requireAll || request.Url is not null) && await WebhookTargetGuard.CheckAsync(request.Url, options.AllowPrivateNetworks, ct) is { } urlError)
        {
            return Problem.Invalid("url", urlError);
        }

        if ((requireAll || request.Events is not null) && (request.Events is not { Count: > 0 and <= 50 } events || events.Any(e => !WebhookEvents.All.ContainsKey(e))))
        {
            return Problem.Invalid("events", "events must list one or more names from GET /api/v1/webhooks/events.");
        }

        return request.Description?.Length > 500 ? Problem.Invalid("description", "At most 500 characters.") : null;
    }

    private static ProblemHttpResult NotFound() => Problem.Of(404, "webhook_not_found", "No webhook has this id.");

    /// <summary>A new webhook with its signing secret, shown only now.</summary>
    public sealed record WebhookWithSecret(Webhook Webhook, string Secret);

    /// <summary>Recent deliveries, newest first.</summary>
    public sealed record DeliveryList(IReadOnlyList<WebhookDelivery> Items);
}
