using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using ResourceReserver.Contracts;
using ResourceReserver.Infrastructure.Dispatch;

namespace ResourceReserver.Infrastructure.Mail;

/// <summary>
/// Sends due mail over SMTP with MailKit, apart from any request: an SMTP outage only delays mail. A reminder is
/// dropped if its reservation is no longer confirmed at the start it was scheduled for.
/// </summary>
public sealed class MailSender(MailOutbox outbox, EventLog log, IOptions<MailOptions> options, TimeProvider time, ILogger<MailSender> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await outbox.ClaimDueAsync(time.GetUtcNow(), settings.Timeout * 2, 20, stoppingToken);
                foreach (var (mail, attempts) in due)
                {
                    await SendOneAsync(mail, attempts, settings, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "The mail queue could not be read; retrying");
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

    private async Task SendOneAsync(QueuedMail mail, int attempts, MailOptions settings, CancellationToken ct)
    {
        if (mail.Kind == "reminder" && mail.ReservationId is { } id
            && (await log.GetReservationAsync(id, ct) is not { Status: ReservationStatus.Confirmed } current || current.Start.ToUnixTimeMilliseconds() != mail.ReservationStart?.ToUnixTimeMilliseconds()))
        {
            await outbox.CompleteAsync(mail.Key, "skipped", attempts, mail.Due, null, time.GetUtcNow(), ct);
            return;
        }

        try
        {
            await SendAsync(ToMessage(mail, settings), settings, ct);
            await outbox.CompleteAsync(mail.Key, "sent", attempts + 1, mail.Due, null, time.GetUtcNow(), ct);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var failures = attempts + 1;
            var giveUp = failures >= settings.MaxAttempts;
            logger.LogWarning("Mail {Kind} attempt {Attempt} failed ({Error}){Outcome}", mail.Kind, failures, exception.Message, giveUp ? "; giving up" : "; will retry");
            await outbox.CompleteAsync(mail.Key, giveUp ? "failed" : "pending", failures, time.GetUtcNow() + settings.DelayAfter(failures), exception.Message, time.GetUtcNow(), ct);
        }
    }

    private static async Task SendAsync(MimeMessage message, MailOptions settings, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = (int)settings.Timeout.TotalMilliseconds };
        var security = Enum.TryParse<SecureSocketOptions>(settings.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(settings.Host, settings.Port, security, ct);
        if (!string.IsNullOrEmpty(settings.Username))
        {
            await client.AuthenticateAsync(settings.Username, settings.Password ?? "", ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    private static MimeMessage ToMessage(QueuedMail mail, MailOptions settings)
    {
        var message = new MimeMessage { Subject = mail.Subject };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(MailboxAddress.Parse(mail.Recipient));
        message.MessageId = MailMessageId.For(mail.Key, settings.From); // the same on every attempt: see MailMessageId
        message.Headers.Add("X-Reserver-Mail-Key", mail.Key);
        var body = new BodyBuilder { TextBody = mail.TextBody, HtmlBody = mail.HtmlBody };
        if (mail.Ics is { } ics)
        {
            var type = new ContentType("text", "calendar") { Charset = "utf-8" };
            type.Parameters.Add("method", "PUBLISH");
            body.Attachments.Add("reservation.ics", System.Text.Encoding.UTF8.GetBytes(ics), type);
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
