using ResourceReserver.Events;

namespace ResourceReserver.Resources;

public sealed partial class ResourceGrain
{
    private const string ExpiryReminder = "expiry";

    // A reservation is completed at most this long after it ended; the reminder persists across restarts.
    private static readonly TimeSpan ExpiryPeriod = TimeSpan.FromMinutes(5);
    private bool _expiryScheduled;

    /// <inheritdoc />
    public async Task<int> CompleteEndedAsync()
    {
        var outcome = await CommitAsync(DecideExpiry);
        if (Ledger.Reservations.Count == 0 && await this.GetReminder(ExpiryReminder) is { } reminder)
        {
            _expiryScheduled = false;
            await this.UnregisterReminder(reminder);

            // A booking interleaved while the reminder was being removed: put it back.
            _expiryScheduled = false;
            await ScheduleExpiryAsync();
        }

        return outcome.IsSuccess ? outcome.Value : 0;
    }

    /// <summary>Ended reservations leave the state (completed if they were confirmed); the read store keeps them.</summary>
    private Outcome<int> DecideExpiry()
    {
        var now = Now;
        var ended = Ledger.Reservations.Values.Where(r => r.End <= now).ToList();
        // Emptied segments leave the header, so activation reads only segments that still hold something.
        var compacted = Ledger.Compact();
        if (ended.Count == 0 && compacted == 0)
        {
            return DomainError.Conflict("nothing_ended", "No reservation has ended.");
        }

        foreach (var reservation in ended)
        {
            Ledger.RemoveReservation(reservation.Id);
            _index.Remove(reservation.Id);
            if (reservation.Status == ReservationStatus.Confirmed)
            {
                var completed = reservation with { Status = ReservationStatus.Completed, UpdatedAt = now, Version = reservation.Version + 1 };
                Record(EventTypes.ReservationCompleted, null, completed);
            }
        }

        Ledger.PruneAnswers(now);
        return ended.Count;
    }

    private async Task ScheduleExpiryAsync()
    {
        if (_expiryScheduled || Ledger.Reservations.Count == 0)
        {
            return;
        }

        // Set first: interleaved bookings must not all register it.
        _expiryScheduled = true;
        try
        {
            await this.RegisterOrUpdateReminder(ExpiryReminder, ExpiryPeriod, ExpiryPeriod);
        }
        catch
        {
            _expiryScheduled = false;
            throw;
        }
    }
}
