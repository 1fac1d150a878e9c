using Microsoft.Extensions.Options;
using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Infrastructure.Accounts;
using ResourceReserver.Infrastructure.Calendar;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.Messages;

namespace ResourceReserver.Infrastructure.Mail;

/// <summary>
/// Turns events into queued mail: a confirmation with the .ics, a cancellation, a change notice, a waitlist
/// offer, and each approval step (to the requester, including a request that expired undecided, and a new request to its approvers). Reminders are not queued here: <c>ReminderScheduler</c> keeps their schedule and queues the mail
/// when one fires, after checking the reservation is still on.
/// </summary>
public sealed class MailConsumer(
    MailOutbox outbox, EventLog log, MessageLanguages languages, ApproverDirectory approvers, IOptions<MailOptions> options, TimeProvider time) : IEventConsumer
{
    /// <inheritdoc />
    public string Name => "mail";

    /// <inheritdoc />
    public async Task HandleAsync(EventBatch batch, CancellationToken ct)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        foreach (var domainEvent in batch.Events)
        {
            if (domainEvent is { Type: EventTypes.WaitlistOffer, WaitlistEntry: { } entry })
            {
                await QueueOfferAsync(batch, entry, ct);
                continue;
            }

            var kind = domainEvent.Type switch
            {
                EventTypes.ReservationCreated => "confirmation",
                EventTypes.ReservationCancelled => "cancellation",
                EventTypes.ReservationUpdated => "update",
                EventTypes.ApprovalRequested => "approval_requested",
                EventTypes.ApprovalApproved => "approval_approved",
                EventTypes.ApprovalRejected => "approval_rejected",
                // A lapsed hold (no approval deadline) is not worth a mail; an undecided request that expired is.
                EventTypes.ReservationExpired when domainEvent.Reservation?.ApprovalExpiresAt is not null => "approval_expired",
                _ => null,
            };
            if (domainEvent is { Type: EventTypes.ApprovalRequested, Reservation: { } request })
            {
                await QueueToApproversAsync(batch, request, ct);
            }

            if (kind is null || domainEvent.Reservation is not { } reservation
                || await batch.UserAsync(reservation.UserId, ct) is not { } user || Recipient(user) is not { } email)
            {
                continue;
            }

            var resource = await batch.ResourceAsync(reservation.ResourceId, ct);
            var now = time.GetUtcNow();
            var (subject, text, html) = MailComposer.Compose(kind, reservation, resource, null, languages.For(user));
            // Only a booked time goes into the calendar: a request still waiting or rejected does not.
            var ics = kind is "approval_requested" or "approval_rejected" or "approval_expired" ? null : IcsOf(reservation, resource);
            var key = kind == "update" ? $"{reservation.Id}:update:{reservation.Version}" : $"{reservation.Id}:{kind}";
            await outbox.EnqueueAsync(batch.Transaction, new QueuedMail(key, kind, email, subject, text, html, ics, reservation.Id, reservation.Start, now), now, ct);
        }
    }

    /// <summary>The address to write to (null when the user has none or does not want e-mail) and the wording they read.</summary>
    public async Task<(string? Email, MessageWording Words)> RecipientAsync(Guid userId, CancellationToken ct)
    {
        var user = await log.GetUserAsync(userId, ct);
        return (Recipient(user), languages.For(user));
    }

    private static string? Recipient(UserProfile? user) =>
        user is { Email: { Length: > 0 } email, Preferences.EmailNotifications: true } ? email : null;

    private async Task QueueToApproversAsync(EventBatch batch, Reservation request, CancellationToken ct)
    {
        if (await batch.ResourceAsync(request.ResourceId, ct) is not { } resource)
        {
            return;
        }

        var requester = (await batch.UserAsync(request.UserId, ct))?.Username ?? request.UserId.ToString();
        var now = time.GetUtcNow();
        foreach (var approver in await approvers.ToTellAsync(batch, resource, request, ct))
        {
            if (Recipient(approver) is not { } email)
            {
                continue;
            }

            var (subject, text, html) = MailComposer.Compose("approval_to_decide", request, resource, null, languages.For(approver), requester);
            await outbox.EnqueueAsync(batch.Transaction,
                new QueuedMail($"{request.Id}:approval_to_decide:{approver.Id}", "approval_to_decide", email, subject, text, html, null, request.Id, request.Start, now), now, ct);
        }
    }

    private async Task QueueOfferAsync(EventBatch batch, WaitlistEntry entry, CancellationToken ct)
    {
        if (await batch.UserAsync(entry.UserId, ct) is not { } user || Recipient(user) is not { } email)
        {
            return;
        }

        var now = time.GetUtcNow();
        var (subject, text, html) = OfferMailComposer.Compose(entry, await batch.ResourceAsync(entry.ResourceId, ct), languages.For(user));
        // Keyed by the entry's version: each offer made to the entry is one mail, however often the event is seen.
        var key = $"{entry.Id}:waitlist_offer:{entry.Version}";
        await outbox.EnqueueAsync(batch.Transaction, new QueuedMail(key, "waitlist_offer", email, subject, text, html, null, null, null, now), now, ct);
    }

    private static string IcsOf(Reservation reservation, ResourceSnapshot? resource) =>
        ReservationCalendar.Write([reservation], resource is null ? new Dictionary<Guid, ResourceSnapshot>() : new() { [resource.Id] = resource }, "Reservation");
}
