using ResourceReserver.Contracts;
using ResourceReserver.Grains;

namespace ResourceReserver.GrainTests.Fixtures;

/// <summary>Builders for the data each test arranges for itself.</summary>
internal static class Arrange
{
    public static readonly Actor Admin = new(Guid.NewGuid(), IsAdmin: true);

    /// <summary>Tomorrow 00:00 UTC plus whole hours: always bookable under the default rules.</summary>
    public static DateTimeOffset Tomorrow(double hours = 0) =>
        new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(1).AddHours(hours);

    public static async Task<IResourceGrain> ResourceAsync(IGrainFactory grains, int capacity = 1, string? name = null)
    {
        var grain = grains.GetGrain<IResourceGrain>(Guid.NewGuid());
        var created = await grain.CreateAsync(new ResourceDetails { Name = name ?? $"Room {Guid.NewGuid():N}", Capacity = capacity }, Admin);
        Assert.True(created.IsSuccess, created.Error?.Message);
        return grain;
    }

    public static BookingRequest Booking(double fromHour, double toHour, Guid? user = null, int quantity = 1, string? key = null) => new()
    {
        ReservationId = Guid.NewGuid(),
        UserId = user ?? Guid.NewGuid(),
        Start = Tomorrow(fromHour),
        End = Tomorrow(toHour),
        Quantity = quantity,
        IdempotencyKey = key,
    };

    public static async Task<Reservation> BookOkAsync(IResourceGrain grain, BookingRequest request)
    {
        var outcome = await grain.BookAsync(request);
        Assert.True(outcome.IsSuccess, outcome.Error?.Code);
        return outcome.Value!;
    }
}
