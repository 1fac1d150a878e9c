using ResourceReserver.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Host.Application;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;
using ResourceReserver.Infrastructure.Webhooks;

namespace ResourceReserver.Host.Apis;

/// <summary>Webhook subscriptions, deliveries and secrets. Administrators only: a webhook sees every user's events.</summary>
public static class WebhooksApi
{
    /// <summary>Maps <c>/api/v1/webhooks</c>.</summary>
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequirePermission(Permission.WebhooksManage);
        group.MapGet("/events", () => TypedResults.Ok(WebhookEvents.All.Select(e => new { type = e.Key, description = e.Value }))).WithName("ListWebhookEvents");
        group.MapPost("/", CreateAsync).WithName("CreateWebhook");
        group.MapGet("/", async (HttpContext http, WebhookService webhooks, CancellationToken ct) =>
            (await webhooks.ListAsync(http.User.Actor(), ct)).ToOk(items => new WebhookList(items))).WithName("ListWebhooks");
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
        WebhookRequest request, HttpContext http, WebhookService webhooks, CancellationToken ct) =>
        (await webhooks.CreateAsync(http.User.Actor(), request, ct)).ToCreated(w => $"/api/v1/webhooks/{w.Webhook.Id}");

    private static async Task<Results<Ok<Webhook>, ProblemHttpResult>> GetAsync(Guid id, HttpContext http, WebhookService webhooks, CancellationToken ct) =>
        (await webhooks.GetAsync(http.User.Actor(), id, ct)).ToOk();

    private static async Task<Results<Ok<Webhook>, ProblemHttpResult>> UpdateAsync(
        Guid id, WebhookRequest request, HttpContext http, WebhookService webhooks, CancellationToken ct) =>
        (await webhooks.UpdateAsync(http.User.Actor(), id, request, ct)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, HttpContext http, WebhookService webhooks, CancellationToken ct) =>
        (await webhooks.DeleteAsync(http.User.Actor(), id, ct)).ToNoContent();

    private static async Task<Results<Ok<SecretView>, ProblemHttpResult>> RotateAsync(Guid id, HttpContext http, WebhookService webhooks, CancellationToken ct) =>
        (await webhooks.RotateSecretAsync(http.User.Actor(), id, ct)).ToOk();

    private static async Task<Results<Accepted<DeliveryQueued>, ProblemHttpResult>> TestAsync(Guid id, HttpContext http, WebhookService webhooks, CancellationToken ct) =>
        await webhooks.TestAsync(http.User.Actor(), id, ct) switch
        {
            { IsSuccess: true } queued => TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries", queued.Value!),
            var refused => Problem.From(refused.Error!),
        };

    private static async Task<Results<Ok<DeliveryList>, ProblemHttpResult>> DeliveriesAsync(
        Guid id, string? limit, HttpContext http, WebhookService webhooks, CancellationToken ct) =>
        (await webhooks.DeliveriesAsync(http.User.Actor(), id, limit, ct)).ToOk();

    private static async Task<Results<Accepted, ProblemHttpResult>> RetryAsync(Guid id, Guid deliveryId, HttpContext http, WebhookService webhooks, CancellationToken ct)
    {
        var outcome = await webhooks.RetryAsync(http.User.Actor(), id, deliveryId, ct);
        return outcome.IsSuccess ? TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries") : Problem.From(outcome.Error!);
    }

    /// <summary>Every webhook.</summary>
    public sealed record WebhookList(IReadOnlyList<Webhook> Items);

    /// <summary>A new webhook with its signing secret, shown only now.</summary>
    public sealed record WebhookWithSecret(Webhook Webhook, string Secret);

    /// <summary>Recent deliveries, newest first.</summary>
    public sealed record DeliveryList(IReadOnlyList<WebhookDelivery> Items);
}
