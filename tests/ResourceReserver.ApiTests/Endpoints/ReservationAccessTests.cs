using System.Net;
using System.Net.Http.Json;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Endpoints;

/// <summary>Who may list, read, cancel and trace which reservation.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReservationAccessTests(ApiFixture api)
{
    private async Task<(HttpClient Owner, Guid OwnerId, Guid ResourceId, Guid ReservationId)> BookedAsync()
    {
        var resourceId = await api.NewResourceAsync();
        var (owner, ownerId) = await api.NewUserAsync();
        var reservationId = await owner.BookOkAsync(resourceId, ApiFixture.FutureHour(), ApiFixture.FutureHour().AddHours(1));
        return (owner, ownerId, resourceId, reservationId);
    }

    [Fact]
    public async Task List_shows_only_the_callers_own_reservations()
    {
        var (owner, ownerId, resourceId, reservationId) = await BookedAsync();
        var (other, _) = await api.NewUserAsync();
        await other.BookOkAsync(resourceId, ApiFixture.FutureHour(3), ApiFixture.FutureHour(3).AddHours(1));

        var mine = await owner.ItemsAsync("/api/v1/reservations");

        var only = Assert.Single(mine);
        Assert.Equal(reservationId, only.GetProperty("id").GetGuid());
        Assert.Equal(ownerId, only.GetProperty("userId").GetGuid());
    }

    [Fact]
    public async Task Non_admin_listing_another_users_reservations_gets_403()
    {
        var (_, ownerId, _, _) = await BookedAsync();
        var (snoop, snoopId) = await api.NewUserAsync();

        await (await snoop.GetAsync($"/api/v1/reservations?userId={ownerId}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Empty(await snoop.ItemsAsync($"/api/v1/reservations?userId={snoopId}"));
    }

    [Fact]
    public async Task Non_admin_filtering_by_resource_sees_only_their_own_bookings_of_it()
    {
        var (_, _, resourceId, _) = await BookedAsync();
        var (snoop, _) = await api.NewUserAsync();

        Assert.Empty(await snoop.ItemsAsync($"/api/v1/reservations?resourceId={resourceId}"));
    }

    [Fact]
    public async Task Admin_may_list_by_userId_and_by_resourceId()
    {
        var (_, ownerId, resourceId, reservationId) = await BookedAsync();
        var (other, _) = await api.NewUserAsync();
        var otherReservation = await other.BookOkAsync(resourceId, ApiFixture.FutureHour(3), ApiFixture.FutureHour(3).AddHours(1));

        var byUser = await api.Admin.ItemsAsync($"/api/v1/reservations?userId={ownerId}");
        var byResource = await api.Admin.ItemsAsync($"/api/v1/reservations?resourceId={resourceId}");

        Assert.Equal([reservationId], byUser.Select(r => r.GetProperty("id").GetGuid()));
        Assert.Equal(new HashSet<Guid> { reservationId, otherReservation }, byResource.Select(r => r.GetProperty("id").GetGuid()).ToHashSet());
    }

    [Fact]
    public async Task Reservation_list_filters_by_status()
    {
        var (owner, _, resourceId, reservationId) = await BookedAsync();
        var kept = await owner.BookOkAsync(resourceId, ApiFixture.FutureHour(3), ApiFixture.FutureHour(3).AddHours(1));
        await owner.PostAsync($"/api/v1/reservations/{reservationId}/cancel", null);

        Assert.Equal([reservationId], (await owner.ItemsAsync("/api/v1/reservations?status=cancelled")).Select(r => r.GetProperty("id").GetGuid()));
        Assert.Equal([kept], (await owner.ItemsAsync("/api/v1/reservations?status=Confirmed")).Select(r => r.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Another_user_reading_a_reservation_gets_403_and_admin_gets_200()
    {
        var (_, _, _, reservationId) = await BookedAsync();
        var (snoop, _) = await api.NewUserAsync();

        var body = await (await snoop.GetAsync($"/api/v1/reservations/{reservationId}")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.False(body.TryGetProperty("resourceId", out _), "a refusal must not leak the reservation");
        await (await snoop.GetAsync($"/api/v1/reservations/{reservationId}/history")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(reservationId, (await api.Admin.GetOkAsync($"/api/v1/reservations/{reservationId}")).GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("6f1c1f3e-1111-4222-8333-944445555666")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("not-a-guid")]
    public async Task Unknown_reservation_returns_404_reservation_not_found(string id)
    {
        var (user, _) = await api.NewUserAsync();
        await (await user.GetAsync($"/api/v1/reservations/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "reservation_not_found");
        await (await user.PostAsync($"/api/v1/reservations/{id}/cancel", null)).AssertProblemAsync(HttpStatusCode.NotFound, "reservation_not_found");
        await (await user.GetAsync($"/api/v1/reservations/{id}/history")).AssertProblemAsync(HttpStatusCode.NotFound, "reservation_not_found");
        await (await api.Admin.GetAsync($"/api/v1/reservations/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "reservation_not_found");
    }

    [Fact]
    public async Task Owner_cancels_with_200_and_cancelling_twice_returns_409_already_cancelled()
    {
        var (owner, _, _, reservationId) = await BookedAsync();

        var cancel = await owner.PostAsJsonAsync($"/api/v1/reservations/{reservationId}/cancel", new { reason = "Plans changed" });

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var body = await cancel.JsonAsync();
        Assert.Equal("cancelled", body.GetProperty("status").GetString());
        Assert.Equal("Plans changed", body.GetProperty("cancelReason").GetString());
        Assert.Equal("cancelled", (await owner.GetOkAsync($"/api/v1/reservations/{reservationId}")).GetProperty("status").GetString());

        var again = await owner.PostAsync($"/api/v1/reservations/{reservationId}/cancel", null);
        await again.AssertProblemAsync(HttpStatusCode.Conflict, "already_cancelled");
    }

    [Fact]
    public async Task Another_user_cancelling_gets_403_and_the_reservation_stays_confirmed()
    {
        var (owner, _, _, reservationId) = await BookedAsync();
        var (snoop, _) = await api.NewUserAsync();

        var response = await snoop.PostAsync($"/api/v1/reservations/{reservationId}/cancel", null);

        await response.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("confirmed", (await owner.GetOkAsync($"/api/v1/reservations/{reservationId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Admin_may_cancel_someone_elses_reservation()
    {
        var (owner, _, _, reservationId) = await BookedAsync();

        var response = await api.Admin.PostAsJsonAsync($"/api/v1/reservations/{reservationId}/cancel", new { reason = "Room needed" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cancelled", (await owner.GetOkAsync($"/api/v1/reservations/{reservationId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Overlong_cancel_reason_returns_422_and_keeps_the_reservation()
    {
        var (owner, _, _, reservationId) = await BookedAsync();

        var response = await owner.PostAsJsonAsync($"/api/v1/reservations/{reservationId}/cancel", new { reason = new string('r', 1001) });

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Equal("confirmed", (await owner.GetOkAsync($"/api/v1/reservations/{reservationId}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task History_lists_created_then_cancelled_oldest_first_for_owner_and_admin()
    {
        var (owner, ownerId, _, reservationId) = await BookedAsync();
        await owner.PostAsJsonAsync($"/api/v1/reservations/{reservationId}/cancel", new { reason = "done" });

        var history = (await owner.GetOkAsync($"/api/v1/reservations/{reservationId}/history")).EnumerateArray().ToList();
        var asAdmin = (await api.Admin.GetOkAsync($"/api/v1/reservations/{reservationId}/history")).EnumerateArray().ToList();

        Assert.Equal(["reservation.created", "reservation.cancelled"], history.Select(h => h.GetProperty("type").GetString()));
        Assert.True(history[0].GetProperty("occurredAt").GetDateTimeOffset() <= history[1].GetProperty("occurredAt").GetDateTimeOffset());
        Assert.Equal(ownerId, history[0].GetProperty("actorId").GetGuid());
        Assert.Equal(history.Count, asAdmin.Count);
    }
}
