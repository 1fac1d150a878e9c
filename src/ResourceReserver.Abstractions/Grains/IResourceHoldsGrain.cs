using Orleans.Concurrency;
using ResourceReserver.Contracts;

namespace ResourceReserver.Grains;

/// <summary>
/// The hold and waitlist-offer side of a resource, served by the same activation as <see cref="IResourceGrain"/>
/// (same grain, same key), so holds are checked against bookings without any lock.
/// </summary>
[Alias("rr.IResourceHoldsGrain")]
public interface IResourceHoldsGrain : IGrainWithGuidKey
{
    /// <summary>Holds capacity for the hold duration, under the same checks as a booking.</summary>
    [Alias("PlaceHold")]
    Task<Outcome<Hold>> PlaceHoldAsync(HoldRequest request);

    /// <summary>Turns the actor's hold into a confirmed reservation with the hold's id.</summary>
    [Alias("ConfirmHold")]
    Task<Outcome<Reservation>> ConfirmHoldAsync(Guid holdId, Actor actor);

    /// <summary>Releases a hold before it lapses.</summary>
    [Alias("ReleaseHold")]
    Task<Outcome<Reservation>> ReleaseHoldAsync(Guid holdId, Actor actor);

    /// <summary>A standing hold or offer, or null.</summary>
    [Alias("GetHold"), ReadOnly]
    Task<Hold?> GetHoldAsync(Guid holdId);

    /// <summary>How long this resource's holds and offers stand.</summary>
    [Alias("GetHoldTiming"), ReadOnly]
    Task<HoldTiming> GetHoldTimingAsync();

    /// <summary>Changes how long this resource's holds and offers stand (admin).</summary>
    [Alias("SetHoldTiming")]
    Task<Outcome<HoldTiming>> SetHoldTimingAsync(HoldTiming timing, Actor actor);

    /// <summary>
    /// In one commit: releases the given offers (reporting those already booked) and places an offer hold for each
    /// candidate, in order, that fits. Idempotent: a candidate that already holds an offer gets that offer back.
    /// </summary>
    [Alias("SettleOffers")]
    Task<Outcome<OfferSettlement>> SettleOffersAsync(IReadOnlyList<Guid> release, IReadOnlyList<OfferCandidate> candidates);

    /// <summary>Books the offer held for a waitlist entry; answers the same reservation if it was booked already.</summary>
    [Alias("AcceptOffer")]
    Task<Outcome<Reservation>> AcceptOfferAsync(Guid entryId, Guid userId);
}
