using ResourceReserver.Events;
using ResourceReserver.Storage;

namespace ResourceReserver.Resources;

/// <summary>
/// Approvals on a resource whose rules require them. A request pending approval is a reservation in status
/// pending_approval that blocks its capacity like a confirmed one, so approving it needs no new conflict check and
/// cannot double-book; rejecting it, or its timeout, frees the capacity for the waitlist. Pure, like
/// <see cref="BookingDecisions"/>.
/// </summary>
internal static class ApprovalDecisions
{
    /// <summary>Longest message an approver may give with a decision.</summary>
    public const int MaxMessageLength = 1000;

    /// <summary>
    /// Turns a new reservation into a request pending approval when the resource's rules require one, recording
    /// the event that says so; otherwise records it as created.
    /// </summary>
    public static Reservation Admit(ResourceBook book, Reservation reservation, DateTimeOffset now, ResourceChanges changes)
    {
        var rules = book.Resource!.Details.Rules;
        var admitted = rules.RequiresApproval
            ? reservation with { Status = ReservationStatus.PendingApproval, ApprovalExpiresAt = now + rules.EffectiveApprovalTimeout }
            : reservation;
        changes.Put(ReservationRow.Live(admitted));
        changes.Record(rules.RequiresApproval ? EventTypes.ApprovalRequested : EventTypes.ReservationCreated, now, reservation.UserId, admitted);
        return admitted;
    }

    public static Decided<Reservation> Approve(ResourceBook book, Guid reservationId, Actor actor, string? message, DateTimeOffset now)
    {
        if (Pending(book, reservationId, actor, message, now) is { } refused)
        {
            return refused;
        }

        var approved = Decide(book.Reservations[reservationId], ReservationStatus.Confirmed, actor, message, now);
        var changes = new ResourceChanges();
        changes.Put(ReservationRow.Live(approved));
        changes.Record(EventTypes.ApprovalApproved, now, actor.UserId, approved, detail: message);
        return new Decided<Reservation>(approved, changes);
    }

    public static Decided<Reservation> Reject(ResourceBook book, Guid reservationId, Actor actor, string? message, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return new DomainError(ErrorKind.Validation, ProblemCode.ValidationFailed, "A rejection needs a message.")
            {
                Errors = new Dictionary<string, string[]> { ["message"] = ["A rejection needs a message for the requester."] },
            };
        }

        if (Pending(book, reservationId, actor, message, now) is { } refused)
        {
            return refused;
        }

        var rejected = Decide(book.Reservations[reservationId], ReservationStatus.Rejected, actor, message, now);
        var changes = new ResourceChanges();
        changes.Put(ReservationRow.Archive(rejected));
        changes.Free(rejected.Range);
        changes.Record(EventTypes.ApprovalRejected, now, actor.UserId, rejected, detail: message);
        return new Decided<Reservation>(rejected, changes);
    }

    /// <summary>When the next undecided request times out, or null when none is pending.</summary>
    public static DateTimeOffset? NextExpiry(ResourceBook book) => book.Reservations.Values
        .Where(r => r.Status == ReservationStatus.PendingApproval)
        .Min(r => r.ApprovalExpiresAt);

    /// <summary>Requests left undecided past their timeout expire and free their capacity. Nothing due is a refusal that writes nothing.</summary>
    public static Decided<int> Expire(ResourceBook book, DateTimeOffset now)
    {
        var due = book.Reservations.Values
            .Where(r => r.Status == ReservationStatus.PendingApproval && (r.ApprovalExpiresAt <= now || r.End <= now))
            .ToList();
        if (due.Count == 0)
        {
            return DomainError.Conflict(ProblemCode.NothingDue, "No request is past its approval timeout.");
        }

        var changes = new ResourceChanges();
        foreach (var request in due)
        {
            Settle(request, now, changes);
        }

        return new Decided<int>(due.Count, changes);
    }

    /// <summary>Expires one undecided request the caller already found due; its capacity is freed.</summary>
    public static void Settle(Reservation request, DateTimeOffset now, ResourceChanges changes)
    {
        var expired = request with { Status = ReservationStatus.Expired, UpdatedAt = now, Version = request.Version + 1 };
        changes.Put(ReservationRow.Archive(expired));
        changes.Free(expired.Range);
        changes.Record(EventTypes.ReservationExpired, now, null, expired, detail: "No approver decided in time.");
    }

    private static DomainError? Pending(ResourceBook book, Guid reservationId, Actor actor, string? message, DateTimeOffset now)
    {
        if (message?.Length > MaxMessageLength)
        {
            return new DomainError(ErrorKind.Validation, ProblemCode.ValidationFailed, $"The message may have at most {MaxMessageLength} characters.")
            {
                Errors = new Dictionary<string, string[]> { ["message"] = [$"At most {MaxMessageLength} characters."] },
            };
        }

        if (book.Missing() is { } missing)
        {
            return missing;
        }

        if (!book.Reservations.TryGetValue(reservationId, out var request))
        {
            return DomainError.NotFound(ProblemCode.ReservationNotFound, $"Reservation {reservationId} does not exist.");
        }

        if (!book.Resource!.Details.Rules.MayDecide(actor))
        {
            return DomainError.Forbidden("Only this resource's approvers may decide its requests.");
        }

        if (request.Status != ReservationStatus.PendingApproval || request.ApprovalExpiresAt <= now || request.End <= now)
        {
            return DomainError.Conflict(ProblemCode.NotPendingApproval, "The request is no longer waiting for approval.");
        }

        return null;
    }

    private static Reservation Decide(Reservation request, ReservationStatus status, Actor actor, string? message, DateTimeOffset now) => request with
    {
        Status = status,
        DecidedBy = actor.UserId,
        DecisionMessage = message,
        UpdatedAt = now,
        Version = request.Version + 1,
    };
}
