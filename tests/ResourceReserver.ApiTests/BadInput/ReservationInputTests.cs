using System.Net;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.BadInput;

/// <summary>Well-formed JSON with bad values for a booking: each gets its stable code, and nothing is stored.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReservationInputTests(ApiFixture api)
{
    private async Task<(HttpClient User, Guid ResourceId)> ArrangeAsync()
    {
        var (user, _) = await api.NewUserAsync();
        return (user, await api.NewResourceAsync());
    }

    private static async Task AssertNothingBookedAsync(HttpClient user) =>
        Assert.Empty(await user.ItemsAsync("/api/v1/reservations"));

    private static string Body(string resourceId, string start, string end) =>
        $"{{\"resourceId\":\"{resourceId}\",\"start\":\"{start}\",\"end\":\"{end}\"}}";

    [Theory]
    [InlineData("not-a-guid", HttpStatusCode.UnprocessableEntity, "validation_failed")]
    [InlineData("", HttpStatusCode.UnprocessableEntity, "validation_failed")]
    [InlineData("'; DROP TABLE reservations; --", HttpStatusCode.UnprocessableEntity, "validation_failed")]
    [InlineData("00000000-0000-0000-0000-000000000000", HttpStatusCode.NotFound, "resource_not_found")]
    [InlineData("6f1c1f3e-1111-4222-8333-944445555666", HttpStatusCode.NotFound, "resource_not_found")]
    public async Task Unknown_or_garbage_resource_id_is_refused(string resourceId, HttpStatusCode status, string code)
    {
        var (user, _) = await ArrangeAsync();
        var start = ApiFixture.FutureHour();

        var response = await user.PostRawAsync("/api/v1/reservations", Body(resourceId, $"{start:O}", $"{start.AddHours(1):O}"));

        await response.AssertProblemAsync(status, code);
        await AssertNothingBookedAsync(user);
    }

    [Fact]
    public async Task Missing_fields_return_422_listing_each_field()
    {
        var (user, _) = await ArrangeAsync();

        var response = await user.PostRawAsync("/api/v1/reservations", "{}");

        var body = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty("resourceId", out _) && errors.TryGetProperty("start", out _) && errors.TryGetProperty("end", out _), errors.ToString());
        await AssertNothingBookedAsync(user);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public async Task End_at_or_before_start_returns_422_invalid_interval(int endOffsetMinutes)
    {
        var (user, resourceId) = await ArrangeAsync();
        var start = ApiFixture.FutureHour();

        var response = await user.BookAsync(resourceId, start, start.AddMinutes(endOffsetMinutes));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_interval");
        await AssertNothingBookedAsync(user);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T01:00:00Z")]
    [InlineData("0001-01-01T00:00:00+00:00", "2030-01-01T00:00:00Z")]
    [InlineData("9999-12-31T22:00:00Z", "9999-12-31T23:00:00Z")]
    [InlineData("1999-12-31T10:00:00Z", "1999-12-31T11:00:00Z")]
    [InlineData("2300-06-01T10:00:00Z", "2300-06-01T11:00:00Z")]
    public async Task Absurd_dates_return_422_invalid_time(string start, string end)
    {
        var (user, resourceId) = await ArrangeAsync();

        var response = await user.PostRawAsync("/api/v1/reservations", Body(resourceId.ToString(), start, end));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_time");
        await AssertNothingBookedAsync(user);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00+01:00", "0001-01-01T01:00:00+01:00")]
    [InlineData("9999-12-31T23:00:00-02:00", "9999-12-31T23:30:00-02:00")]
    [InlineData("2030-13-45T99:00:00Z", "2030-13-45T99:30:00Z")]
    [InlineData("2030-01-01T10:00:00+25:00", "2030-01-01T11:00:00+25:00")]
    public async Task Unrepresentable_instants_are_a_client_error_and_book_nothing(string start, string end)
    {
        var (user, resourceId) = await ArrangeAsync();

        var response = await user.PostRawAsync("/api/v1/reservations", Body(resourceId.ToString(), start, end));

        await response.AssertClientErrorAsync();
        await AssertNothingBookedAsync(user);
    }

    [Fact]
    public async Task Start_in_the_past_returns_422_too_late()
    {
        var (user, resourceId) = await ArrangeAsync();
        var start = ApiFixture.FutureHour(-1, 10);

        var response = await user.BookAsync(resourceId, start, start.AddHours(1));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "too_late");
        await AssertNothingBookedAsync(user);
    }

    [Fact]
    public async Task Start_beyond_the_booking_horizon_returns_422_too_early()
    {
        var (user, resourceId) = await ArrangeAsync();
        var start = ApiFixture.FutureHour(400, 10);

        var response = await user.BookAsync(resourceId, start, start.AddHours(1));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "too_early");
        await AssertNothingBookedAsync(user);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(14)]
    [InlineData(24 * 60 + 1)]
    [InlineData(30 * 24 * 60)]
    public async Task Too_short_or_too_long_returns_422_duration_out_of_range(int minutes)
    {
        var (user, resourceId) = await ArrangeAsync();
        var start = ApiFixture.FutureHour();

        var response = await user.BookAsync(resourceId, start, start.AddMinutes(minutes));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "duration_out_of_range");
        await AssertNothingBookedAsync(user);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(24 * 60)]
    public async Task Duration_limits_themselves_are_accepted(int minutes)
    {
        var (user, resourceId) = await ArrangeAsync();
        var start = ApiFixture.FutureHour();

        await user.BookOkAsync(resourceId, start, start.AddMinutes(minutes));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(2)]
    public async Task Quantity_outside_1_to_capacity_returns_422_invalid_quantity(int quantity)
    {
        var (user, resourceId) = await ArrangeAsync();
        var start = ApiFixture.FutureHour();
        var body = $"{{\"resourceId\":\"{resourceId}\",\"start\":\"{start:O}\",\"end\":\"{start.AddHours(1):O}\",\"quantity\":{quantity}}}";

        var response = await user.PostRawAsync("/api/v1/reservations", body);

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_quantity");
        await AssertNothingBookedAsync(user);
    }

    [Fact]
    public async Task Overlong_title_or_notes_return_422_and_book_nothing()
    {
        var (user, resourceId) = await ArrangeAsync();
        var start = ApiFixture.FutureHour();
        var longTitle = $"{{\"resourceId\":\"{resourceId}\",\"start\":\"{start:O}\",\"end\":\"{start.AddHours(1):O}\",\"title\":\"{new string('t', 201)}\"}}";
        var longNotes = $"{{\"resourceId\":\"{resourceId}\",\"start\":\"{start:O}\",\"end\":\"{start.AddHours(1):O}\",\"notes\":\"{new string('n', 4001)}\"}}";

        await (await user.PostRawAsync("/api/v1/reservations", longTitle)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        await (await user.PostRawAsync("/api/v1/reservations", longNotes)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        await AssertNothingBookedAsync(user);
    }
}
