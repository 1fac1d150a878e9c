using Microsoft.Extensions.Logging;
using ResourceReserver.Contracts;
using ResourceReserver.Events;

namespace ResourceReserver.Waitlist;

/// <summary>Offers: settlement with the resource, accept, decline and leave.</summary>
public sealed partial class WaitlistGrain
{
    /// <inheritdoc />
    public async Task<Outcome<WaitlistEntry>> AcceptAsync(Guid entryId, Actor actor)
    {
        var (entry, error) = Visible(entryId, actor);
        if (entry is null)
        {
            return error!;
        }

        if (OfferRefusal(entry) is { } refusal)
        {
            await SettleAsync();
            return refusal;
        }

        var booked = await Resource.AcceptOfferAsync(entryId, entry.UserId);
        if (!booked.IsSuccess)
        {
            // The resource no longer holds the offer: settle so the entry and the queue catch up.
            await SettleAsync(booked.Error!.Kind == ErrorKind.Gone ? entryId : null);
            return booked.Error!;
        }

        var reservation = booked.Value!;
        var outcome = await _committer.CommitAsync<WaitlistEntry>(() =>
        {
            var accepted = Accepted(_state.State.Entries[entryId], reservation, Now);
            Save(accepted, EventTypes.WaitlistAccepted, actor.UserId);
            return accepted;
        });
        await ScheduleClockAsync();
        return outcome;
    }

    /// <inheritdoc />
    public async Task<Outcome<WaitlistEntry>> DeclineAsync(Guid entryId, Actor actor)
    {
        var (entry, error) = Visible(entryId, actor);
        if (entry is null)
        {
            return error!;
        }

        if (OfferRefusal(entry) is { } refusal)
        {
            await SettleAsync();
            return refusal;
        }

        return await SettleAsync(entryId, WaitlistStatus.Declined, EventTypes.WaitlistDeclined, actor);
    }

    /// <inheritdoc />
    public async Task<Outcome<WaitlistEntry>> LeaveAsync(Guid entryId, Actor actor)
    {
        var (entry, error) = Visible(entryId, actor);
        if (entry is null)
        {
            return error!;
        }

        return entry.IsOpen
            ? await SettleAsync(entryId, WaitlistStatus.Left, EventTypes.WaitlistLeft, actor)
            : DomainError.Conflict(ProblemCode.EntryClosed, $"The entry is already {entry.Status.ToString().ToLowerInvariant()}.");
    }

    private DomainError? OfferRefusal(WaitlistEntry entry) => entry.Status switch
    {
        WaitlistStatus.Accepted => DomainError.Conflict(ProblemCode.AlreadyAccepted, "The offer was already accepted."),
        WaitlistStatus.Offered when entry.OfferExpiresAt <= Now => OfferExpired(),
        WaitlistStatus.Offered => null,
        WaitlistStatus.Expired when entry.OfferExpiresAt is not null => OfferExpired(),
        _ => DomainError.Conflict(ProblemCode.NoOffer, $"There is no offer to answer; the entry is {entry.Status.ToString().ToLowerInvariant()}."),
    };

    private static DomainError OfferExpired() => new(ErrorKind.Gone, ProblemCode.OfferExpired, "The offer has expired.");

    private Task SettleAsync() => SettleAsync(null, WaitlistStatus.Waiting, "", null);

    private Task SettleAsync(Guid? voided) => SettleAsync(voided, WaitlistStatus.Waiting, "", null);

    /// <summary>
    /// One settlement: the resource releases due (and <paramref name="closing"/>) offers and places offers for
    /// waiting entries in join order, in one write; then this grain records the outcome, closing
    /// <paramref name="closing"/> with <paramref name="closeAs"/> in the same write.
    /// </summary>
    private async Task<Outcome<WaitlistEntry>> SettleAsync(Guid? closing, WaitlistStatus closeAs, string closeEvent, Actor? actor)
    {
        var now = Now;
        var open = _state.State.Entries.Values.Where(e => e.IsOpen).OrderBy(e => e.Sequence).ToList();
        // A closing entry is released even while it is waiting: the resource may have offered it freed capacity
        // (from the waiting list it was last given) before hearing that the entry closed.
        var release = open.Where(e => (e.Status == WaitlistStatus.Offered && e.OfferExpiresAt <= now) || e.Id == closing).Select(e => e.Id).ToList();
        var candidates = open
            .Where(e => e.Status == WaitlistStatus.Waiting && e.Id != closing && LatestStart(e) > now)
            .Take(MaxCandidatesPerSettlement)
            .Select(e => new OfferCandidate(e.Id, e.UserId, e.End - e.Start, e.SearchRange))
            .ToList();

        var settlement = new OfferSettlement();
        if (release.Count > 0 || candidates.Count > 0)
        {
            try
            {
                var settled = await Resource.SettleOffersAsync(release, candidates);
                settlement = settled.Value ?? settlement;
            }
            catch (Exception exception)
            {
                // The reminder settles again later; a user's own change must not claim success it did not get.
                _logger.LogWarning(exception, "Settling offers of {ResourceId} failed", ResourceId);
                if (closing is not null)
                {
                    return new DomainError(ErrorKind.Unavailable, ProblemCode.SettlementFailed, "The resource did not answer; try again.");
                }
            }
        }

        var outcome = await _committer.CommitAsync<WaitlistEntry>(() => DecideSettlement(settlement, closing, closeAs, closeEvent, actor));
        await ScheduleClockAsync();
        return outcome.Error?.Code == NothingSettled ? new WaitlistEntry() : outcome;
    }

    private static readonly ProblemCode NothingSettled = ProblemCode.NothingSettled;

    private Outcome<WaitlistEntry> DecideSettlement(OfferSettlement settlement, Guid? closing, WaitlistStatus closeAs, string closeEvent, Actor? actor)
    {
        var now = Now;
        var changed = false;
        WaitlistEntry? closed = null;
        if (closing is { } id && _state.State.Entries[id] is { IsOpen: true } toClose)
        {
            closed = Changed(toClose, closeAs, now);
            Save(closed, closeEvent, actor?.UserId);
            changed = true;
        }

        foreach (var released in settlement.Released)
        {
            if (_state.State.Entries.TryGetValue(released, out var e) && e.Status == WaitlistStatus.Offered)
            {
                Save(Changed(e, WaitlistStatus.Expired, now), EventTypes.WaitlistExpired, null, "The offer expired and passed on.");
                changed = true;
            }
        }

        foreach (var reservation in settlement.Booked)
        {
            if (_state.State.Entries.TryGetValue(reservation.Id, out var e) && e.Status != WaitlistStatus.Accepted)
            {
                Save(Accepted(e, reservation, now), EventTypes.WaitlistAccepted, e.UserId);
                changed = true;
            }
        }

        foreach (var offer in settlement.Placed)
        {
            if (_state.State.Entries.TryGetValue(offer.Id, out var e) && e.Status == WaitlistStatus.Waiting)
            {
                var offered = Changed(e, WaitlistStatus.Offered, now) with { OfferedSlot = offer.Range, OfferExpiresAt = offer.ExpiresAt };
                Save(offered, EventTypes.WaitlistOffer, null);
                changed = true;
            }
        }

        foreach (var passed in _state.State.Entries.Values.Where(e => e.Status == WaitlistStatus.Waiting && LatestStart(e) <= now).ToList())
        {
            Save(Changed(passed, WaitlistStatus.Expired, now), EventTypes.WaitlistExpired, null, "The wanted window passed.");
            changed = true;
        }

        if (!changed)
        {
            return DomainError.Conflict(NothingSettled, "Nothing changed.");
        }

        return closed is null ? new WaitlistEntry() : WithPosition(_state.State.Entries[closed.Id]);
    }

    private static WaitlistEntry Accepted(WaitlistEntry entry, Reservation reservation, DateTimeOffset now) =>
        Changed(entry, WaitlistStatus.Accepted, now) with { ReservationId = reservation.Id, OfferedSlot = reservation.Range };

    private static DateTimeOffset LatestStart(WaitlistEntry e) => e.SearchRange.End - (e.End - e.Start);
}
