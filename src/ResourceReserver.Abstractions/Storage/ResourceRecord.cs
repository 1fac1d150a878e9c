using ResourceReserver.Contracts;

namespace ResourceReserver.Storage;

/// <summary>
/// A resource as activation reads it: the head (version, details, hold timing, waitlist demand) and the rows
/// its grain holds (reservations not yet archived, standing holds and offers) with the remembered answers.
/// </summary>
/// <param name="Version">The fence: bumped by every commit; 0 when the resource was never written.</param>
/// <param name="Resource">Details and status; null before creation.</param>
/// <param name="HoldTiming">The resource's own hold timing; null for the defaults.</param>
/// <param name="Demand">Waiting waitlist entries no offer covers yet, in queue order.</param>
/// <param name="Rows">Reservations, holds and offers the grain holds.</param>
/// <param name="Answers">Remembered answers not yet expired.</param>
public sealed record ResourceRecord(
    long Version,
    ResourceSnapshot? Resource,
    HoldTiming? HoldTiming,
    IReadOnlyList<OfferCandidate> Demand,
    IReadOnlyList<ReservationRow> Rows,
    IReadOnlyList<RememberedAnswer> Answers)
{
    /// <summary>What a resource that was never written reads as.</summary>
    public static ResourceRecord Empty { get; } = new(0, null, null, [], [], []);
}

/// <summary>What a row of the reservations table means to its resource's grain.</summary>
public enum RowRole
{
    /// <summary>History only: completed, expired or settled; the grain no longer holds it.</summary>
    Archived = 0,

    /// <summary>A reservation the grain holds: confirmed, or cancelled and not yet ended.</summary>
    Reservation = 1,

    /// <summary>A standing hold or waitlist offer; <see cref="ReservationRow.Hold"/> carries it.</summary>
    Hold = 2,
}

/// <summary>
/// One row of the reservations table: the reservation as every list and query shows it, what the grain makes of
/// it, and the hold it stands for while it is one.
/// </summary>
public sealed record ReservationRow(Reservation Reservation, RowRole Role, Hold? Hold = null)
{
    /// <summary>A reservation the grain keeps.</summary>
    public static ReservationRow Live(Reservation reservation) => new(reservation, RowRole.Reservation);

    /// <summary>A reservation the grain lets go of; the row stays as history.</summary>
    public static ReservationRow Archive(Reservation reservation) => new(reservation, RowRole.Archived);

    /// <summary>A standing hold or offer, shown as a reservation in status held.</summary>
    public static ReservationRow Standing(Hold hold) => new(hold.AsReservation(ReservationStatus.Held, hold.CreatedAt, 0), RowRole.Hold, hold);
}

/// <summary>The first answer to an idempotent booking ("user:key"), returned again for the same request until it expires.</summary>
public sealed record RememberedAnswer(string Key, string Fingerprint, Outcome<Reservation> Answer, DateTimeOffset ExpiresAt);
