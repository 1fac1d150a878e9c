using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.GrainTests.Fixtures;
using static ResourceReserver.GrainTests.Fixtures.Arrange;

namespace ResourceReserver.GrainTests.Scheduling;

[Collection(ClusterCollection.Name)]
public sealed class SeriesAndRulesTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task All_or_nothing_series_refuses_everything_and_names_the_conflicting_dates()
    {
        var grain = await ResourceAsync(_grains);
        await BookOkAsync(grain, Booking(24 * 7 + 9, 24 * 7 + 10));

        var outcome = await grain.BookSeriesAsync(Series("FREQ=DAILY;COUNT=10"));

        Assert.Equal("series_conflict", outcome.Error?.Code);
        Assert.Equal([Tomorrow(24 * 7 + 9)], outcome.Error!.Conflicts.Select(c => c.Start));
        Assert.Single(await grain.GetReservationsAsync());
    }

    [Fact]
    public async Task Skip_conflicts_books_the_rest_in_one_write_and_lists_the_skipped()
    {
        var grain = await ResourceAsync(_grains);
        await BookOkAsync(grain, Booking(24 * 2 + 9, 24 * 2 + 10));

        var outcome = await grain.BookSeriesAsync(Series("FREQ=DAILY;COUNT=5") with { Mode = SeriesConflictMode.SkipConflicts });

        Assert.True(outcome.IsSuccess, outcome.Error?.Message);
        Assert.Equal(4, outcome.Value!.Booked.Count);
        Assert.Equal("booking_conflict", Assert.Single(outcome.Value.Skipped).Code);
        Assert.All(outcome.Value.Booked, r => Assert.Equal(outcome.Value.SeriesId, r.SeriesId));
        Assert.Equal(5, (await grain.GetReservationsAsync()).Count(r => r.Status == ReservationStatus.Confirmed));
    }

    [Fact]
    public async Task Retrying_a_series_returns_the_first_answer_and_books_nothing_new()
    {
        var grain = await ResourceAsync(_grains);
        var request = Series("FREQ=WEEKLY;COUNT=3");

        var first = await grain.BookSeriesAsync(request);
        var again = await grain.BookSeriesAsync(request);

        Assert.Equal(first.Value!.Booked.Select(r => r.Id), again.Value!.Booked.Select(r => r.Id));
        Assert.Equal(3, (await grain.GetReservationsAsync()).Count);
    }

    [Fact]
    public async Task Cancel_this_and_following_keeps_the_earlier_occurrences()
    {
        var grain = await ResourceAsync(_grains);
        var booked = (await grain.BookSeriesAsync(Series("FREQ=DAILY;COUNT=6"))).Value!.Booked;

        var cancelled = await grain.CancelSeriesAsync(booked[2].Id, SeriesScope.ThisAndFollowing, new Actor(booked[0].UserId, false), "done");
        var all = await grain.CancelSeriesAsync(booked[0].Id, SeriesScope.All, Admin, null);

        Assert.Equal(booked.Skip(2).Select(r => r.Id), cancelled.Value!.Select(r => r.Id));
        Assert.Equal(booked.Take(2).Select(r => r.Id), all.Value!.Select(r => r.Id));
        Assert.Equal("forbidden", (await grain.CancelSeriesAsync(booked[0].Id, SeriesScope.All, new Actor(Guid.NewGuid(), false), null)).Error?.Code);
    }

    [Fact]
    public async Task Buffers_keep_bookings_apart_and_max_active_per_user_is_enforced()
    {
        var grain = await ResourceAsync(_grains);
        var rules = BookingRules.Default with { BufferAfter = TimeSpan.FromMinutes(30), MaxActivePerUser = 2 };
        Assert.True((await grain.UpdateAsync(new ResourcePatch { Rules = rules }, Admin)).IsSuccess);
        var user = Guid.NewGuid();
        await BookOkAsync(grain, Booking(9, 10, user));

        var tooClose = await grain.BookAsync(Booking(10.25, 11));
        await BookOkAsync(grain, Booking(10.5, 11, user));
        var third = await grain.BookAsync(Booking(14, 15, user));

        Assert.Equal("booking_conflict", tooClose.Error?.Code);
        Assert.Equal([Tomorrow(9)], tooClose.Error!.Conflicts.Select(c => c.Start));
        Assert.Equal("too_many_active_reservations", third.Error?.Code);
    }

    [Fact]
    public async Task Business_hours_and_blackouts_are_enforced_in_the_resources_zone()
    {
        var grain = await ResourceAsync(_grains);
        var day = DateOnly.FromDateTime(Tomorrow(24 * 3).UtcDateTime);
        var hours = new BusinessHours { Periods = Enum.GetValues<DayOfWeek>().Select(d => new OpeningPeriod(d, new TimeOnly(9, 0), new TimeOnly(17, 0))).ToList() };
        Assert.True((await grain.UpdateAsync(new ResourcePatch { TimeZone = "Asia/Tokyo", BusinessHours = hours, Blackouts = [day] }, Admin)).IsSuccess);

        // 09:00–10:00 UTC is 18:00–19:00 in Tokyo: closed. 01:00–02:00 UTC is 10:00–11:00 there: open.
        Assert.Equal("outside_business_hours", (await grain.BookAsync(Booking(9, 10))).Error?.Code);
        await BookOkAsync(grain, Booking(1, 2));
        Assert.Equal("blackout_date", (await grain.BookAsync(Booking(24 * 3 + 1, 24 * 3 + 2))).Error?.Code);
        var slots = await grain.GetSlotsAsync(DateOnly.FromDateTime(Tomorrow(24).UtcDateTime), TimeSpan.FromHours(1), 1);
        Assert.Equal(8, slots.Value!.Slots.Count);
    }

    [Fact]
    public async Task Moving_is_atomic_and_next_available_skips_booked_time()
    {
        var grain = await ResourceAsync(_grains);
        var mine = await BookOkAsync(grain, Booking(9, 10));
        await BookOkAsync(grain, Booking(12, 13));
        var owner = new Actor(mine.UserId, false);

        var blocked = await grain.ChangeReservationAsync(mine.Id, new ReservationChange { Start = Tomorrow(12.5), End = Tomorrow(13.5) }, owner);
        var moved = await grain.ChangeReservationAsync(mine.Id, new ReservationChange { Start = Tomorrow(10), End = Tomorrow(12) }, owner);
        var next = await grain.GetNextAvailableAsync(TimeSpan.FromHours(1), 1, Tomorrow(10));

        Assert.Equal("booking_conflict", blocked.Error?.Code);
        Assert.NotEmpty(blocked.Error!.Suggestions);
        Assert.True(moved.IsSuccess, moved.Error?.Code);
        Assert.Equal((Tomorrow(10), Tomorrow(12)), (moved.Value!.Start, moved.Value.End));
        Assert.Equal(Tomorrow(13), next.Value!.Value.Start);
    }

    [Fact]
    public async Task A_series_never_takes_more_than_the_capacity()
    {
        var grain = await ResourceAsync(_grains, capacity: 2);
        var requests = Enumerable.Range(0, 12).Select(_ => Series("FREQ=DAILY;COUNT=20") with { Mode = SeriesConflictMode.SkipConflicts });

        var outcomes = await Task.WhenAll(requests.Select(grain.BookSeriesAsync));

        var reservations = await grain.GetReservationsAsync();
        Assert.Equal(40, reservations.Count);
        Assert.All(reservations.GroupBy(r => r.Start), g => Assert.Equal(2, g.Count()));
        Assert.Equal(2, outcomes.Count(o => o.IsSuccess));
    }

    private static SeriesRequest Series(string rule) => new()
    {
        SeriesId = Guid.NewGuid(),
        UserId = Guid.NewGuid(),
        Start = Tomorrow(24 + 9),
        End = Tomorrow(24 + 10),
        Rule = rule,
    };
}
