using ResourceReserver.Contracts;
using ResourceReserver.Events;
using ResourceReserver.Scheduling;
using ResourceReserver.Waitlist;

namespace ResourceReserver.Resources;

/// <summary>
/// Waitlist offers are holds owned by the waitlist: released and placed together in one write, so an expired or
/// declined offer passes to the next entry with no moment in which anyone else could take the slot.
/// </summary>
public sealed partial class ResourceGrain
{
    private const string NothingToSettle = "nothing_to_settle";

    /// <inheritdoc />
    public async Task<Outcome<OfferSettlement>> SettleOffersAsync(IReadOnlyList<Guid> release, IReadOnlyList<OfferCandidate> candidates)
    {
        var outcome = await CommitAsync<OfferSettlement>(() => DecideSettle(release, candidates, out var changed) is var settlement && changed
            ? settlement
            : DomainError.Conflict(NothingToSettle, "Nothing changed."));
        if (outcome.Error?.Code == NothingToSettle)
        {
            // Unchanged, so deciding again on the same state yields the same answer without a write.
            return DecideSettle(release, candidates, out _);
        }

        await ScheduleHoldClockAsync();
        return outcome;
    }

    /// <inheritdoc />
    public async Task<Outcome<Reservation>> AcceptOfferAsync(Guid entryId, Guid userId)
    {
        var outcome = await CommitAsync(() => DecideAcceptOffer(entryId, userId));
        await ScheduleHoldClockAsync();
        return outcome;
    }

    private OfferSettlement DecideSettle(IReadOnlyList<Guid> release, IReadOnlyList<OfferCandidate> candidates, out bool changed)
    {
        changed = false;
        var released = new List<Guid>();
        var booked = new List<Reservation>();
        var placed = new List<Hold>();
        foreach (var id in release.Distinct())
        {
            if (Ledger.Holds.TryGetValue(id, out var hold) && hold.IsOffer)
            {
                // Not "freed" for the waitlist: it is re-offered right here, in the same decision.
                RemoveHold(hold, ReservationStatus.Expired, EventTypes.ReservationExpired, null, "Offer passed on.", freesCapacity: false);
                changed = true;
                released.Add(id);
            }
            else if (Ledger.Reservations.TryGetValue(id, out var reservation))
            {
                booked.Add(reservation);
            }
            else
            {
                released.Add(id);
            }
        }

        var now = Now;
        foreach (var candidate in candidates)
        {
            if (Ledger.Holds.TryGetValue(candidate.EntryId, out var standing))
            {
                placed.Add(standing);
            }
            else if (Ledger.Reservations.TryGetValue(candidate.EntryId, out var reservation))
            {
                booked.Add(reservation);
            }
            else if (TryOffer(candidate, now) is { } offer)
            {
                changed = true;
                placed.Add(offer);
            }
        }

        // Whoever is still waiting gets freed capacity in the very decision that frees it (OfferFreedCapacity).
        var waiting = candidates.Where(NotCovered).ToList();
        if (!waiting.SequenceEqual(Ledger.Demand))
        {
            Ledger.Demand = waiting;
            changed = true;
        }

        return new OfferSettlement { Released = released, Booked = booked, Placed = placed };
    }

    /// <summary>
    /// Offers capacity the current decision freed to the waiting entries, in queue order, in the same write: no
    /// direct booking can slip in between a cancellation and the waitlist's offer. The waitlist hears of the offer
    /// when it settles next (it is poked right after the write).
    /// </summary>
    private int OfferFreedCapacity()
    {
        if (Ledger.Demand.Count == 0)
        {
            return 0;
        }

        var now = Now;
        var offered = 0;
        foreach (var candidate in Ledger.Demand.Where(NotCovered).ToList())
        {
            offered += TryOffer(candidate, now) is null ? 0 : 1;
        }

        if (offered > 0)
        {
            Ledger.Demand = Ledger.Demand.Where(NotCovered).ToList();
        }

        return offered;
    }

    private bool NotCovered(OfferCandidate candidate) =>
        !Ledger.Holds.ContainsKey(candidate.EntryId) && !Ledger.Reservations.ContainsKey(candidate.EntryId);

    private Hold? TryOffer(OfferCandidate candidate, DateTimeOffset now)
    {
        if (MissingResource() is not null || OfferSlot(candidate, now) is not { } slot)
        {
            return null;
        }

        var offer = new Hold
        {
            Id = candidate.EntryId,
            ResourceId = ResourceId,
            UserId = candidate.UserId,
            Start = slot.Start,
            End = slot.End,
            ExpiresAt = now + Timing.OfferWindow,
            IsOffer = true,
            CreatedAt = now,
        };
        AddHold(offer, new Actor(candidate.UserId, false));
        return offer;
    }

    private TimeRange? OfferSlot(OfferCandidate candidate, DateTimeOffset now)
    {
        var resource = Ledger.Resource!;
        return OfferSlotSearch.FirstFit(_index, candidate.SearchRange, candidate.Duration, resource.Details.Capacity, now, slot =>
            BookingPolicy.Validate(new BookingRequest { UserId = candidate.UserId, Start = slot.Start, End = slot.End }, resource, now) is null);
    }

    private Outcome<Reservation> DecideAcceptOffer(Guid entryId, Guid userId)
    {
        if (Ledger.Reservations.TryGetValue(entryId, out var booked) && booked.UserId == userId)
        {
            return booked;
        }

        if (!Ledger.Holds.TryGetValue(entryId, out var offer) || !offer.IsOffer || offer.ExpiresAt <= Now)
        {
            return new DomainError(ErrorKind.Gone, "offer_expired", "The offer has expired.");
        }

        return offer.UserId != userId ? DomainError.Forbidden("This offer belongs to someone else.") : BookHeld(offer);
    }
}
