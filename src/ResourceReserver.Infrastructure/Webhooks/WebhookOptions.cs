using System.Globalization;

namespace ResourceReserver.Infrastructure.Webhooks;

/// <summary>Webhook delivery settings (<c>Webhooks:*</c>).</summary>
public sealed class WebhookOptions
{
    /// <summary>Comma-separated waits after each failed attempt; after the last one a delivery is failed.</summary>
    public string RetrySchedule { get; set; } = "00:01:00,00:05:00,00:15:00,01:00:00,02:00:00";

    /// <summary>Allows loopback, private, link-local and other non-public targets (development and tests only).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Pause between looks for due deliveries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a receiver may take to answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The waits, parsed.</summary>
    public IReadOnlyList<TimeSpan> Delays =>
        RetrySchedule.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => TimeSpan.Parse(s, CultureInfo.InvariantCulture)).ToArray();
}
