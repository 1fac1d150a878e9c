using System.Net;
using System.Net.Http.Json;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Endpoints;

[Collection(ApiCollection.Name)]
public sealed class ResourcesEndpointTests(ApiFixture api)
{
    [Fact]
    public async Task Admin_creates_a_resource_201_with_Location_and_defaults()
    {
        var name = "Room " + ApiCalls.Marker();
        var response = await api.Admin.PostAsJsonAsync("/api/v1/resources", new { name, tags = new[] { "Room", "room", "Projector" } });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/resources/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(name, body.GetProperty("name").GetString());
        Assert.Equal(1, body.GetProperty("capacity").GetInt32());
        Assert.Equal("UTC", body.GetProperty("timeZone").GetString());
        Assert.Equal("available", body.GetProperty("status").GetString());
        Assert.Equal(["room", "projector"], body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));

        var fetched = await api.Anonymous().GetOkAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(name, fetched.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Creating_a_resource_with_a_taken_name_returns_409_name_taken_case_insensitively()
    {
        var name = "Hall " + ApiCalls.Marker();
        await api.NewResourceAsync(name: name);
        var response = await api.Admin.PostAsJsonAsync("/api/v1/resources", new { name = "  " + name.ToUpperInvariant() + " " });
        await response.AssertProblemAsync(HttpStatusCode.Conflict, "name_taken");
    }

    [Fact]
    public async Task Non_admin_gets_403_on_every_admin_endpoint()
    {
        var (user, _) = await api.NewUserAsync();
        var id = await api.NewResourceAsync();

        var create = await user.PostAsJsonAsync("/api/v1/resources", new { name = "Nope " + ApiCalls.Marker() });
        var patch = await user.PatchAsJsonAsync($"/api/v1/resources/{id}", new { name = "Renamed " + ApiCalls.Marker() });
        var delete = await user.DeleteAsync($"/api/v1/resources/{id}");
        var status = await user.PutAsJsonAsync($"/api/v1/resources/{id}/status", new { status = "maintenance" });

        foreach (var response in new[] { create, patch, delete, status })
        {
            await response.AssertProblemAsync(HttpStatusCode.Forbidden, null);
        }

        var still = await api.Anonymous().GetOkAsync($"/api/v1/resources/{id}");
        Assert.Equal("available", still.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Anonymous_gets_401_on_admin_endpoints_but_may_read()
    {
        var id = await api.NewResourceAsync();
        var anonymous = api.Anonymous();

        await (await anonymous.PostAsJsonAsync("/api/v1/resources", new { name = "Anon " + ApiCalls.Marker() })).AssertProblemAsync(HttpStatusCode.Unauthorized, null);
        await (await anonymous.PatchAsJsonAsync($"/api/v1/resources/{id}", new { name = "x" })).AssertProblemAsync(HttpStatusCode.Unauthorized, null);
        await (await anonymous.DeleteAsync($"/api/v1/resources/{id}")).AssertProblemAsync(HttpStatusCode.Unauthorized, null);
        await (await anonymous.PutAsJsonAsync($"/api/v1/resources/{id}/status", new { status = "disabled" })).AssertProblemAsync(HttpStatusCode.Unauthorized, null);

        await anonymous.GetOkAsync($"/api/v1/resources/{id}");
        await anonymous.GetOkAsync("/api/v1/resources");
        await anonymous.GetOkAsync("/api/v1/resources/tags");
        await anonymous.GetOkAsync($"/api/v1/resources/{id}/availability");
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("6f1c1f3e-1111-4222-8333-944445555666")]
    public async Task Unknown_resource_returns_404_resource_not_found_on_every_endpoint(string id)
    {
        await (await api.Anonymous().GetAsync($"/api/v1/resources/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        await (await api.Anonymous().GetAsync($"/api/v1/resources/{id}/availability")).AssertProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        await (await api.Admin.PatchAsJsonAsync($"/api/v1/resources/{id}", new { description = "x" })).AssertProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        await (await api.Admin.DeleteAsync($"/api/v1/resources/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        await (await api.Admin.PutAsJsonAsync($"/api/v1/resources/{id}/status", new { status = "maintenance" })).AssertProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
    }

    [Fact]
    public async Task Patch_updates_only_the_given_fields()
    {
        var id = await api.NewResourceAsync(capacity: 2, tags: ["desk"]);
        var response = await api.Admin.PatchAsJsonAsync($"/api/v1/resources/{id}", new { description = "Quiet corner", capacity = 3 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await api.Anonymous().GetOkAsync($"/api/v1/resources/{id}");
        Assert.Equal("Quiet corner", body.GetProperty("description").GetString());
        Assert.Equal(3, body.GetProperty("capacity").GetInt32());
        Assert.Equal(["desk"], body.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task Rename_to_a_taken_name_returns_409_name_taken_and_keeps_both_names()
    {
        var takenName = "Taken " + ApiCalls.Marker();
        var ownName = "Own " + ApiCalls.Marker();
        await api.NewResourceAsync(name: takenName);
        var id = await api.NewResourceAsync(name: ownName);

        var response = await api.Admin.PatchAsJsonAsync($"/api/v1/resources/{id}", new { name = takenName });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "name_taken");
        Assert.Equal(ownName, (await api.Anonymous().GetOkAsync($"/api/v1/resources/{id}")).GetProperty("name").GetString());
        var duplicate = await api.Admin.PostAsJsonAsync("/api/v1/resources", new { name = ownName });
        await duplicate.AssertProblemAsync(HttpStatusCode.Conflict, "name_taken");
    }

    [Fact]
    public async Task Rename_frees_the_old_name()
    {
        var oldName = "Old " + ApiCalls.Marker();
        var id = await api.NewResourceAsync(name: oldName);
        var rename = await api.Admin.PatchAsJsonAsync($"/api/v1/resources/{id}", new { name = "New " + ApiCalls.Marker() });
        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);

        var reuse = await api.Admin.PostAsJsonAsync("/api/v1/resources", new { name = oldName });
        Assert.Equal(HttpStatusCode.Created, reuse.StatusCode);
    }

    [Fact]
    public async Task Delete_returns_204_cancels_future_reservations_then_404_and_the_name_is_reusable()
    {
        var name = "Doomed " + ApiCalls.Marker();
        var id = await api.NewResourceAsync(name: name);
        var (user, _) = await api.NewUserAsync();
        var reservationId = await user.BookOkAsync(id, ApiFixture.FutureHour(), ApiFixture.FutureHour().AddHours(1));

        var delete = await api.Admin.DeleteAsync($"/api/v1/resources/{id}");

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        var reservation = await user.GetOkAsync($"/api/v1/reservations/{reservationId}");
        Assert.Equal("cancelled", reservation.GetProperty("status").GetString());
        await (await api.Anonymous().GetAsync($"/api/v1/resources/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        await (await api.Admin.DeleteAsync($"/api/v1/resources/{id}")).AssertProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        await (await user.BookAsync(id, ApiFixture.FutureHour(3), ApiFixture.FutureHour(3).AddHours(1))).AssertProblemAsync(HttpStatusCode.NotFound, "resource_not_found");
        Assert.Empty(await api.Anonymous().ItemsAsync($"/api/v1/resources?q={Uri.EscapeDataString(name)}"));

        var reuse = await api.Admin.PostAsJsonAsync("/api/v1/resources", new { name });
        Assert.Equal(HttpStatusCode.Created, reuse.StatusCode);
    }

    [Fact]
    public async Task Maintenance_refuses_bookings_with_422_resource_unavailable_and_available_allows_them_again()
    {
        var id = await api.NewResourceAsync();
        var (user, _) = await api.NewUserAsync();
        var start = ApiFixture.FutureHour();

        var maintenance = await api.Admin.PutAsJsonAsync($"/api/v1/resources/{id}/status", new { status = "maintenance", autoResetAfter = "PT8H" });
        Assert.Equal(HttpStatusCode.OK, maintenance.StatusCode);
        var body = await maintenance.JsonAsync();
        Assert.Equal("maintenance", body.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.String, body.GetProperty("statusResetsAt").ValueKind);

        await (await user.BookAsync(id, start, start.AddHours(1))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "resource_unavailable");
        Assert.Empty(await user.ItemsAsync("/api/v1/reservations"));

        var available = await api.Admin.PutAsJsonAsync($"/api/v1/resources/{id}/status", new { status = "available" });
        Assert.Equal(HttpStatusCode.OK, available.StatusCode);
        await user.BookOkAsync(id, start, start.AddHours(1));
    }

    [Fact]
    public async Task Lowering_capacity_below_the_booked_load_returns_409_capacity_below_bookings()
    {
        var id = await api.NewResourceAsync(capacity: 2);
        var start = ApiFixture.FutureHour();
        var (user, _) = await api.NewUserAsync();
        await user.BookOkAsync(id, start, start.AddHours(1));
        await user.BookOkAsync(id, start, start.AddHours(1));

        var response = await api.Admin.PatchAsJsonAsync($"/api/v1/resources/{id}", new { capacity = 1 });

        await response.AssertProblemAsync(HttpStatusCode.Conflict, "capacity_below_bookings");
        Assert.Equal(2, (await api.Anonymous().GetOkAsync($"/api/v1/resources/{id}")).GetProperty("capacity").GetInt32());
    }

    [Fact]
    public async Task Disabled_resource_refuses_bookings()
    {
        var id = await api.NewResourceAsync();
        var (user, _) = await api.NewUserAsync();
        await api.Admin.PutAsJsonAsync($"/api/v1/resources/{id}/status", new { status = "disabled" });

        var response = await user.BookAsync(id, ApiFixture.FutureHour(), ApiFixture.FutureHour().AddHours(1));
        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "resource_unavailable");
    }

    [Theory]
    [InlineData("broken", null, "validation_failed")]
    [InlineData("1", null, "validation_failed")]
    [InlineData("disabled,maintenance", null, "validation_failed")]
    [InlineData("", null, "validation_failed")]
    [InlineData("maintenance", "eight hours", "validation_failed")]
    [InlineData("available", "PT8H", "invalid_auto_reset")]
    [InlineData("maintenance", "PT1S", "invalid_auto_reset")]
    public async Task Bad_status_change_returns_422(string status, string? autoResetAfter, string code)
    {
        var id = await api.NewResourceAsync();
        var response = await api.Admin.PutAsJsonAsync($"/api/v1/resources/{id}/status", new { status, autoResetAfter });
        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, code);
        Assert.Equal("available", (await api.Anonymous().GetOkAsync($"/api/v1/resources/{id}")).GetProperty("status").GetString());
    }
}
