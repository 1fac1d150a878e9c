using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ResourceReserver.Infrastructure.Webhooks;

/// <summary>
/// Sends due deliveries, signed, and schedules retries (1 min, 5 min, 15 min, 1 h, 2 h by default, then failed).
/// The queue lives in the database, so a restart between a failure and its retry loses nothing. The delivery id
/// is the <c>webhook-id</c>, the same on every attempt, so receivers can drop duplicates.
/// </summary>
public sealed class WebhookDeliverer(WebhookStore store, IOptions<WebhookOptions> options, TimeProvider time, ILogger<WebhookDeliverer> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var http = new HttpClient(WebhookTargetGuard.Handler(settings.AllowPrivateNetworks)) { Timeout = settings.Timeout };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await store.ClaimDueAsync(time.GetUtcNow(), settings.Timeout * 3, 20, stoppingToken);
                await Task.WhenAll(due.Select(d => DeliverAsync(http, d.Delivery, d.Payload, settings, stoppingToken)));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "The webhook queue could not be read; retrying");
            }

            try
            {
                await Task.Delay(settings.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DeliverAsync(HttpClient http, WebhookDelivery delivery, string payload, WebhookOptions settings, CancellationToken ct)
    {
        var attempts = delivery.Attempts + 1;
        int? code = null;
        string? error;
        try
        {
            var hook = await store.GetAsync(delivery.WebhookId, ct);
            var secret = await store.GetSecretAsync(delivery.WebhookId, ct);
            if (hook is null || secret is null)
            {
                await store.CompleteAsync(delivery.Id, "failed", attempts, time.GetUtcNow(), null, "The webhook was deleted.", time.GetUtcNow(), ct);
                return;
            }

            var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
            using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
            request.Headers.Add("webhook-id", delivery.Id.ToString());
            request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", WebhookSignature.Sign(secret, delivery.Id.ToString(), timestamp, payload));
            using var response = await http.SendAsync(request, ct);
            code = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                await store.CompleteAsync(delivery.Id, "succeeded", attempts, time.GetUtcNow(), code, null, time.GetUtcNow(), ct);
                return;
            }

            error = $"The receiver answered {code}.";
        }
        catch (Exception exception) when (!ct.IsCancellationRequested)
        {
            error = exception.Message;
        }

        var delays = settings.Delays;
        var failed = attempts > delays.Count;
        var next = failed ? time.GetUtcNow() : time.GetUtcNow() + delays[attempts - 1];
        logger.LogInformation("Webhook delivery {DeliveryId} attempt {Attempt} failed: {Error}", delivery.Id, attempts, error);
        await store.CompleteAsync(delivery.Id, failed ? "failed" : "pending", attempts, next, code, error, time.GetUtcNow(), ct);
    }
}
