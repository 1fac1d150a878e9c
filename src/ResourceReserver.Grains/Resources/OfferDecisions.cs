using ResourceReserver.Events;
using ResourceReserver.Scheduling;
using ResourceReserver.Waitlist;

namespace ResourceReserver.Resources;

/// <summary>
/// Waitlist offers are holds owned by the waitlist: released and placed together in one decision, so an expired
/// or declined offer passes to the next entry with no moment in which anyone else could take the slot. Pure, like
/// <see cref="BookingDecisions"/>.
/// </summary>
internal static class OfferDecisions
{
    /// <summary>
    /// Releases the given offers (reporting those already booked) and places an offer hold for each candidate, in
    /// order, that fits; a candidate that already holds an offer gets it back. Remembers who is still waiting.
    /// </summary>
    public static Decided<OfferSettlement> Settle(ResourceBook book, IReadOnlyList<Guid> release, IReadOnlyList<OfferCandidate> candidates, DateTimeOffset now)
    {
        var changes = new ResourceChanges();
        var released = new List<Guid>();
        var booked = new List<Reservation>();
        var placed = new List<Hold>();
        using (var scratch = new IndexScratch(book.Index))
        {
            foreach (var id in release.Distinct())
            {
                if (book.Holds.TryGetValue(id, out var hold) && hold.IsOffer)
                {
                    // Not "freed" for the waitlist: it is offered again right here, in the same decision.
                    HoldDecisions.Settle(hold, ReservationStatus.Expired, EventTypes.ReservationExpired, null, "Offer passed on.", now, changes, freesCapacity: false);
                    scratch.Remove(id);
                    released.Add(id);
                }
                else if (book.Reservations.TryGetValue(id, out var reservation))
                {
                    booked.Add(reservation);
                }
                else
                {
                    released.Add(id);
                }
            }

            foreach (var candidate in candidates)
            {
                if (book.Holds.TryGetValue(candidate.EntryId, out var standing) && !changes.TryGetRow(candidate.EntryId, out _))
                {
                    placed.Add(standing);
                }
                else if (book.Reservations.TryGetValue(candidate.EntryId, out var reservation))
                {
                    booked.Add(reservation);
                }
                else if (TryOffer(book, candidate, now, changes, scratch) is { } offer)
                {
                    placed.Add(offer);
                }
            }
        }

        // Whoever is still waiting gets freed capacity in the very decision that frees it (OfferFreed).
        var waiting = candidates.Where(c => NotCovered(book, changes, c)).ToList();
        if (!waiting.SequenceEqual(book.Demand))
        {
            changes.SetHead(book.HoldTiming, waiting);
        }

        return new Decided<OfferSettlement>(new OfferSettlement { Released = released, Booked = booked, Placed = placed }, changes);
    }

    /// <summary>
    /// Offers capacity a decision just freed (already applied to <paramref name="book"/>) to the waiting entries, in
    /// queue order, in the same commit: no direct booking can slip in between a cancellation and the offer. The
    /// waitlist hears of the offer when it settles next (it is poked right after the commit).
    /// </summary>
    public static ResourceChanges OfferFreed(ResourceBook book, DateTimeOffset now)
    {
        var changes = new ResourceChanges();
        if (book.Demand.Count == 0)
        {
            return changes;
        }

        var offered = 0;
        using (var scratch = new IndexScratch(book.Index))
        {
            foreach (var candidate in book.Demand.Where(c => NotCovered(book, changes, c)).ToList())
            {
                offered += TryOffer(book, candidate, now, changes, scratch) is null ? 0 : 1;
            }
        }

        if (offered > 0)
        {
            changes.SetHead(book.HoldTiming, book.Demand.Where(c => NotCovered(book, changes, c)).ToList());
        }

        return changes;
    }

    /// <summary>Books the offer held for a waitlist entry; answers the same reservation if it was booked already.</summary>
    public static Decided<Reservation> Accept(ResourceBook book, Guid entryId, Guid userId, DateTimeOffset now)
    {
        if (book.Reservations.TryGetValue(entryId, out var booked) && booked.UserId == userId)
        {
            return new Decided<Reservation>(booked, new ResourceChanges());
        }

        if (!book.Holds.TryGetValue(entryId, out var offer) || !offer.IsOffer || offer.ExpiresAt <= now)
        {
            return new DomainError(ErrorKind.Gone, ProblemCode.OfferExpired, "The offer has expired.");
        }

        return offer.UserId != userId ? DomainError.Forbidden("This offer belongs to someone else.") : HoldDecisions.BookHeld(book, offer, now);
    }

    private static bool NotCovered(ResourceBook book, ResourceChanges changes, OfferCandidate candidate) =>
        changes.TryGetRow(candidate.EntryId, out var row)
            ? row.Role == Storage.RowRole.Archived
            : !book.Holds.ContainsKey(candidate.EntryId) && !book.Reservations.ContainsKey(candidate.EntryId);

    private static Hold? TryOffer(ResourceBook book, OfferCandidate candidate, DateTimeOffset now, ResourceChanges changes, IndexScratch scratch)
    {
        if (book.Missing() is not null)
        {
            return null;
        }

        var resource = book.Resource!;
        var slot = OfferSlotSearch.FirstFit(book.Index, candidate.SearchRange, candidate.Duration, resource.Details.Capacity, now, s =>
            BookingPolicy.Validate(new BookingRequest { UserId = candidate.UserId, Start = s.Start, End = s.End }, resource, now) is null);
        if (slot is not { } range)
        {
            return null;
        }

        var offer = new Hold
        {
            Id = candidate.EntryId,
            ResourceId = book.Id,
            UserId = candidate.UserId,
            Start = range.Start,
            End = range.End,
            ExpiresAt = now + book.Timing.OfferWindow,
            IsOffer = true,
            CreatedAt = now,
        };
        HoldDecisions.Add(offer, candidate.UserId, now, changes);
        scratch.Add(offer.Id, offer.Range, offer.Quantity);
        return offer;
    }
}
