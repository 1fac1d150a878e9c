using System.Diagnostics.Metrics;
using ResourceReserver.Diagnostics;
using ResourceReserver.Events;

namespace ResourceReserver.UnitTests.Diagnostics;

/// <summary>The waitlist-offer counter moves with delivered offer events, and only with those.</summary>
public sealed class ReserverMetricsTests
{
    [Fact]
    public void Delivered_waitlist_offers_are_counted()
    {
        var before = ReadOffers();

        ReserverMetrics.RecordOutboxDelivery(
            [
                new DomainEvent { Type = EventTypes.WaitlistOffer, OccurredAt = DateTimeOffset.UtcNow },
                new DomainEvent { Type = EventTypes.ReservationCreated, OccurredAt = DateTimeOffset.UtcNow },
                new DomainEvent { Type = EventTypes.WaitlistOffer, OccurredAt = DateTimeOffset.UtcNow },
            ],
            DateTimeOffset.UtcNow);

        // Other tests may deliver offers in parallel: at least these two were counted.
        Assert.True(ReadOffers() - before >= 2);
    }

    private static long ReadOffers()
    {
        // Creates the instruments (the class's static constructor), as the host's first delivery would.
        ReserverMetrics.RecordOutboxDelivery([], DateTimeOffset.UtcNow);
        long value = -1;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ReserverMetrics.MeterName && instrument.Name == "reserver.waitlist.offers")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, measurement, _, _) => value = measurement);
        listener.Start();
        listener.RecordObservableInstruments();
        Assert.NotEqual(-1, value);
        return value;
    }
}
