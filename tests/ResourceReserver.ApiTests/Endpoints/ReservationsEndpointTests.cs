using System.Net;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class ReservationsEndpointTests(ApiFixture api)
{
    [Fact]
    public async Task Booking_returns_201_with_Location_and_the_reservation_in_UTC()
    {
        var resourceId = await api.NewResourceAsync();
        var (user, userId) = await api.NewUserAsync();
        var start = ApiFixture.FutureHour();

        var response = await user.BookAsync(resourceId, start.ToOffset(TimeSpan.FromHours(2)), start.AddHours(1).ToOffset(TimeSpan.FromHours(2)), "Standup");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/reservations/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(resourceId, body.GetProperty("resourceId").GetGuid());
        Assert.Equal(userId, body.GetProperty("userId").GetGuid());
        Assert.Equal("confirmed", body.GetProperty("status").GetString());
        Assert.Equal("Standup", body.GetProperty("title").GetString());
        Assert.EndsWith("Z", body.GetProperty("start").GetString());
        Assert.Equal(start, body.GetProperty("start").GetDateTimeOffset());

        var fetched = await user.GetOkAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(id, fetched.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Overlapping_booking_returns_409_booking_conflict_with_conflicts_and_suggestions()
    {
        var resourceId = await api.NewResourceAsync();
        var (first, _) = await api.NewUserAsync();
        var (second, _) = await api.NewUserAsync();
        var start = ApiFixture.FutureHour();
        await first.BookOkAsync(resourceId, start, start.AddHours(2));

        var response = await second.BookAsync(resourceId, start.AddMinutes(30), start.AddMinutes(90));

        var body = await response.AssertProblemAsync(HttpStatusCode.Conflict, "booking_conflict");
        var conflict = Assert.Single(body.GetProperty("conflicts").EnumerateArray());
        Assert.Equal(start, conflict.GetProperty("start").GetDateTimeOffset());
        Assert.Equal(start.AddHours(2), conflict.GetProperty("end").GetDateTimeOffset());
        var suggestions = body.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s =>
        {
            var (sStart, sEnd) = (s.GetProperty("start").GetDateTimeOffset(), s.GetProperty("end").GetDateTimeOffset());
            Assert.Equal(TimeSpan.FromHours(1), sEnd - sStart);
            Assert.True(sEnd <= start || sStart >= start.AddHours(2), $"suggestion {sStart}–{sEnd} overlaps the booking");
        });
        Assert.Empty(await second.ItemsAsync("/api/v1/reservations"));
    }

    [Fact]
    public async Task Back_to_back_bookings_are_allowed()
    {
        var resourceId = await api.NewResourceAsync();
        var (user, _) = await api.NewUserAsync();
        var start = ApiFixture.FutureHour();

        await user.BookOkAsync(resourceId, start, start.AddHours(1));
        await user.BookOkAsync(resourceId, start.AddHours(1), start.AddHours(2));
        await user.BookOkAsync(resourceId, start.AddHours(-1), start);

        Assert.Equal(3, (await user.ItemsAsync("/api/v1/reservations")).Count);
    }

    [Fact]
    public async Task Capacity_N_allows_N_overlapping_bookings_and_refuses_the_next()
    {
        const int capacity = 3;
        var resourceId = await api.NewResourceAsync(capacity);
        var start = ApiFixture.FutureHour();
        for (var i = 0; i < capacity; i++)
        {
            var (user, _) = await api.NewUserAsync();
            await user.BookOkAsync(resourceId, start.AddMinutes(15 * i), start.AddHours(2));
        }

        var (late, _) = await api.NewUserAsync();
        var refused = await late.BookAsync(resourceId, start.AddMinutes(45), start.AddMinutes(105));

        await refused.AssertProblemAsync(HttpStatusCode.Conflict, "booking_conflict");
        await late.BookOkAsync(resourceId, start.AddHours(2), start.AddHours(3));
    }

    [Fact]
    public async Task Cancelled_booking_frees_its_slot()
    {
        var resourceId = await api.NewResourceAsync();
        var (user, _) = await api.NewUserAsync();
        var start = ApiFixture.FutureHour();
        var id = await user.BookOkAsync(resourceId, start, start.AddHours(1));

        Assert.Equal(HttpStatusCode.OK, (await user.PostAsync($"/api/v1/reservations/{id}/cancel", null)).StatusCode);

        await user.BookOkAsync(resourceId, start, start.AddHours(1));
    }

    [Fact]
    public async Task Same_idempotency_key_and_body_returns_the_same_reservation_and_stores_one()
    {
        var resourceId = await api.NewResourceAsync();
        var (user, _) = await api.NewUserAsync();
        var start = ApiFixture.FutureHour();
        var key = Guid.NewGuid().ToString();

        var first = await user.BookAsync(resourceId, start, start.AddHours(1), "Retry me", key);
        var second = await user.BookAsync(resourceId, start, start.AddHours(1), "Retry me", key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.True(second.IsSuccessStatusCode, $"replay answered {(int)second.StatusCode}");
        Assert.Equal((await first.JsonAsync()).GetProperty("id").GetGuid(), (await second.JsonAsync()).GetProperty("id").GetGuid());
        Assert.Single(await user.ItemsAsync("/api/v1/reservations"));
    }

    [Fact]
    public async Task Same_idempotency_key_with_a_different_body_returns_422_idempotency_key_reused()
    {
        var resourceId = await api.NewResourceAsync();
        var (user, _) = await api.NewUserAsync();
        var start = ApiFixture.FutureHour();
        var key = Guid.NewGuid().ToString();
        await user.BookAsync(resourceId, start, start.AddHours(1), idempotencyKey: key);

        var reused = await user.BookAsync(resourceId, start.AddHours(3), start.AddHours(4), idempotencyKey: key);

        await reused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Single(await user.ItemsAsync("/api/v1/reservations"));
    }

    [Fact]
    public async Task Same_idempotency_key_for_another_resource_returns_422_idempotency_key_reused()
    {
        var firstResource = await api.NewResourceAsync();
        var secondResource = await api.NewResourceAsync();
        var (user, _) = await api.NewUserAsync();
        var start = ApiFixture.FutureHour();
        var key = Guid.NewGuid().ToString();
        await user.BookAsync(firstResource, start, start.AddHours(1), idempotencyKey: key);

        var reused = await user.BookAsync(secondResource, start, start.AddHours(1), idempotencyKey: key);

        await reused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        Assert.Single(await user.ItemsAsync("/api/v1/reservations"));
    }

    [Fact]
    public async Task Trailing_slash_on_reservations_answers_like_without()
    {
        var resourceId = await api.NewResourceAsync();
        var (user, _) = await api.NewUserAsync();
        var start = ApiFixture.FutureHour();
        var created = await user.PostAsync("/api/v1/reservations/", System.Net.Http.Json.JsonContent.Create(new { resourceId, start, end = start.AddHours(1) }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        Assert.Single(await user.ItemsAsync("/api/v1/reservations/"));
        Assert.Equal(id, (await user.GetOkAsync($"/api/v1/reservations/{id}/")).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_same_idempotency_key_from_two_users_books_twice()
    {
        var resourceId = await api.NewResourceAsync(capacity: 2);
        var (alice, _) = await api.NewUserAsync();
        var (bob, _) = await api.NewUserAsync();
        var start = ApiFixture.FutureHour();
        var key = Guid.NewGuid().ToString();

        var a = await alice.BookAsync(resourceId, start, start.AddHours(1), idempotencyKey: key);
        var b = await bob.BookAsync(resourceId, start, start.AddHours(1), idempotencyKey: key);

        Assert.Equal(HttpStatusCode.Created, a.StatusCode);
        Assert.Equal(HttpStatusCode.Created, b.StatusCode);
        Assert.NotEqual((await a.JsonAsync()).GetProperty("id").GetGuid(), (await b.JsonAsync()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Overlong_idempotency_key_returns_422_and_books_nothing()
    {
        var resourceId = await api.NewResourceAsync();
        var (user, _) = await api.NewUserAsync();
        var response = await user.BookAsync(resourceId, ApiFixture.FutureHour(), ApiFixture.FutureHour().AddHours(1), idempotencyKey: new string('k', 201));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Empty(await user.ItemsAsync("/api/v1/reservations"));
    }

    [Fact]
    public async Task Anonymous_gets_401_problem_on_every_reservation_endpoint()
    {
        var anonymous = api.Anonymous();
        var id = Guid.NewGuid();
        var responses = new[]
        {
            await anonymous.BookAsync(Guid.NewGuid(), ApiFixture.FutureHour(), ApiFixture.FutureHour().AddHours(1)),
            await anonymous.GetAsync("/api/v1/reservations"),
            await anonymous.GetAsync($"/api/v1/reservations/{id}"),
            await anonymous.PostAsync($"/api/v1/reservations/{id}/cancel", null),
            await anonymous.GetAsync($"/api/v1/reservations/{id}/history"),
        };

        foreach (var response in responses)
        {
            await response.AssertProblemAsync(HttpStatusCode.Unauthorized, null);
        }
    }
}
