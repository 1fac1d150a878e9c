using ResourceReserver.Client.Contracts;
using ResourceReserver.Contracts;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Views;

/// <summary>Projections of reservations, holds and waitlist entries to their API shapes (UTC instants).</summary>
public static class ReservationViews
{
    extension(ReservationView)
    {
        /// <summary>Projects a reservation to the API shape.</summary>
        public static ReservationView From(Reservation r) => new(
            r.Id, r.ResourceId, r.UserId, r.Start.ToUniversalTime(), r.End.ToUniversalTime(), r.Quantity, r.Title, r.Notes,
            SqlReadStore.StatusText(r.Status), r.CreatedAt.ToUniversalTime(), r.UpdatedAt.ToUniversalTime(), r.CancelReason,
            r.ApprovalExpiresAt?.ToUniversalTime(), r.DecidedBy, r.DecisionMessage);
    }

    extension(HoldView)
    {
        /// <summary>Projects a hold to the API shape.</summary>
        public static HoldView From(Hold h) => new(
            h.Id, h.ResourceId, h.UserId, h.Start.ToUniversalTime(), h.End.ToUniversalTime(), h.Quantity, "held", h.ExpiresAt.ToUniversalTime());
    }

    extension(WaitlistEntryView)
    {
        /// <summary>Projects a waitlist entry to the API shape.</summary>
        public static WaitlistEntryView From(WaitlistEntry e) => new(
            e.Id,
            e.ResourceId,
            e.UserId,
            e.Start.ToUniversalTime(),
            e.End.ToUniversalTime(),
            e.Flexible is { } f ? new FlexibleRequest(f.Earliest.ToUniversalTime(), f.Latest.ToUniversalTime()) : null,
            e.Status.ToString().ToLowerInvariant(),
            e.Position,
            e.JoinedAt.ToUniversalTime(),
            e is { OfferedSlot: { } slot, OfferExpiresAt: { } expires } ? new OfferView(slot.Start.ToUniversalTime(), slot.End.ToUniversalTime(), expires.ToUniversalTime()) : null,
            e.ReservationId);
    }
}
