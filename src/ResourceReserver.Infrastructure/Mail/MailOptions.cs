using System.Globalization;

namespace ResourceReserver.Infrastructure.Mail;

/// <summary>SMTP and delivery settings (<c>Mail:*</c>). The password is never logged.</summary>
public sealed class MailOptions
{
    /// <summary>False turns e-mail off entirely (nothing is queued).</summary>
    public bool Enabled { get; set; }

    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    /// <summary><c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c>, <c>SslOnConnect</c> or <c>Auto</c>.</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender address.</summary>
    public string From { get; set; } = "Resource Reserver <no-reply@resource-reserver.local>";

    /// <summary>Pause between looks at the mail queue.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Comma-separated waits after each failed attempt; the last one repeats.</summary>
    public string RetrySchedule { get; set; } = "00:00:30,00:01:00,00:05:00,00:15:00,01:00:00";

    /// <summary>Attempts before a message is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 30;

    /// <summary>Socket timeout for one SMTP conversation.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after the <paramref name="attempts"/>-th failure.</summary>
    public TimeSpan DelayAfter(int attempts)
    {
        var steps = RetrySchedule.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => TimeSpan.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return steps.Length == 0 ? TimeSpan.FromMinutes(1) : steps[Math.Clamp(attempts - 1, 0, steps.Length - 1)];
    }
}
