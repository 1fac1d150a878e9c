using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.GrainTests.Fixtures;
using static ResourceReserver.GrainTests.Fixtures.Arrange;

namespace ResourceReserver.GrainTests.Resources;

/// <summary>Random books and cancels against one grain, checked step by step with a brute-force model.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BookingModelTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData(1, 11)]
    [InlineData(2, 22)]
    [InlineData(3, 33)]
    public async Task Random_books_and_cancels_agree_with_a_brute_force_model(int capacity, int seed)
    {
        var random = new Random(seed);
        var grain = await ResourceAsync(fixture.Grains, capacity);
        var model = new Dictionary<Guid, (int Start, int End, int Quantity, Guid User)>();

        for (var step = 0; step < 80; step++)
        {
            if (random.Next(4) == 0 && model.Count > 0)
            {
                var (id, booked) = model.ElementAt(random.Next(model.Count));
                var cancelled = await grain.CancelAsync(id, new Actor(booked.User, false), null);
                Assert.True(cancelled.IsSuccess, cancelled.Error?.Code);
                model.Remove(id);
                continue;
            }

            // Quarter-hour slots over one day, 15 minutes to 3 hours long.
            var start = random.Next(0, 90);
            var end = start + 1 + random.Next(12);
            var quantity = 1 + random.Next(capacity);
            var request = Booking(start / 4.0, end / 4.0, quantity: quantity);
            var fits = Enumerable.Range(start, end - start)
                .All(q => model.Values.Where(m => m.Start <= q && q < m.End).Sum(m => m.Quantity) + quantity <= capacity);

            var outcome = await grain.BookAsync(request);

            Assert.True(fits == outcome.IsSuccess, $"step {step}: [{start},{end}) x{quantity} fits={fits} but got {outcome.Error?.Code ?? "success"}");
            if (outcome.IsSuccess)
            {
                model[request.ReservationId] = (start, end, quantity, request.UserId);
            }
            else
            {
                Assert.Equal("booking_conflict", outcome.Error?.Code);
            }
        }

        var confirmed = (await grain.GetReservationsAsync()).Where(r => r.Status == ReservationStatus.Confirmed).Select(r => r.Id);
        Assert.Equal(model.Keys.Order(), confirmed.Order());
    }

    [Fact]
    public async Task Bookings_in_other_offsets_are_compared_as_instants()
    {
        var grain = await ResourceAsync(fixture.Grains);
        var plusFive = TimeSpan.FromHours(5);
        var booked = await BookOkAsync(grain, Booking(9, 10) with { Start = Tomorrow(9).ToOffset(plusFive), End = Tomorrow(10).ToOffset(plusFive) });

        var clash = await grain.BookAsync(Booking(9.5, 10.5) with { Start = Tomorrow(9.5).ToOffset(-plusFive), End = Tomorrow(10.5).ToOffset(-plusFive) });
        var next = await grain.BookAsync(Booking(10, 11));

        Assert.Equal(TimeSpan.Zero, booked.Start.Offset);
        Assert.Equal("booking_conflict", clash.Error?.Code);
        Assert.True(next.IsSuccess, next.Error?.Code);
    }

    [Fact]
    public async Task A_successful_idempotent_answer_survives_deactivation()
    {
        var grain = await ResourceAsync(fixture.Grains);
        var request = Booking(9, 10, key: "persisted");
        var first = await BookOkAsync(grain, request);

        await fixture.Cluster.DeactivateAsync(grain);
        var retried = await grain.BookAsync(request with { ReservationId = Guid.NewGuid() });

        Assert.Equal(first.Id, retried.Value?.Id);
        Assert.Single(await grain.GetReservationsAsync());
    }
}
