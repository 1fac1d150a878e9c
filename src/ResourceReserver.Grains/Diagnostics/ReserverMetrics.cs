using System.Diagnostics.Metrics;
using ResourceReserver.Events;

namespace ResourceReserver.Diagnostics;

/// <summary>
/// The domain instruments of the engine, on one static <see cref="Meter"/> that the host exports at
/// <c>/metrics</c>. Any grain or endpoint may record through these methods; they cost nothing without a listener.
/// </summary>
public static class ReserverMetrics
{
    /// <summary>The meter name to subscribe to.</summary>
    public const string MeterName = "ResourceReserver";

    private static readonly Meter Meter = new(MeterName, "1.0");

    private static readonly Counter<long> Bookings = Meter.CreateCounter<long>(
        "reserver.bookings", "{booking}", "Booking requests by outcome (confirmed, conflict, refused).");

    private static readonly Counter<long> Conflicts = Meter.CreateCounter<long>(
        "reserver.booking.conflicts", "{booking}", "Bookings refused because the slot was taken.");

    private static readonly Histogram<double> BookingDuration = Meter.CreateHistogram<double>(
        "reserver.booking.duration", "s", "Time from request to answer of a booking.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    private static readonly Counter<long> AuditExported = Meter.CreateCounter<long>(
        "reserver.audit.exported", "{entry}", "Audit entries written to exports, counted as each is written out.");

    private static readonly Histogram<double> OutboxLag = Meter.CreateHistogram<double>(
        "reserver.outbox.lag", "s", "Time from an event being recorded to its delivery by the outbox.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 60, 300] });

    private static long _waitlistOffers;

    static ReserverMetrics()
    {
        // Observable, so the series exists (at 0) before the first offer is ever made.
        Meter.CreateObservableCounter(
            "reserver.waitlist.offers", () => Interlocked.Read(ref _waitlistOffers), "{offer}", "Waitlist offers made to waiting users.");
    }

    /// <summary>Records the outcome and latency of one booking request.</summary>
    public static void RecordBooking(DomainError? error, TimeSpan elapsed)
    {
        var outcome = error is null ? "confirmed" : error.Kind == ErrorKind.Conflict ? "conflict" : "refused";
        Bookings.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
        if (error?.Kind == ErrorKind.Conflict)
        {
            Conflicts.Add(1);
        }

        BookingDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", outcome));
    }

    /// <summary>
    /// Records how long each delivered event waited in an outbox, and counts the waitlist offers among them:
    /// counted once delivered rather than when decided, because a decision may be taken again after a conflict.
    /// </summary>
    public static void RecordOutboxDelivery(IEnumerable<DomainEvent> delivered, DateTimeOffset now)
    {
        foreach (var domainEvent in delivered)
        {
            if (domainEvent.Type == EventTypes.WaitlistOffer)
            {
                Interlocked.Increment(ref _waitlistOffers);
            }

            OutboxLag.Record(Math.Max(0, (now - domainEvent.OccurredAt).TotalSeconds));
        }
    }

    /// <summary>Counts audit entries as an export writes them out (the export streams: this grows while it runs).</summary>
    public static void RecordAuditExported(long entries) => AuditExported.Add(entries);
}
