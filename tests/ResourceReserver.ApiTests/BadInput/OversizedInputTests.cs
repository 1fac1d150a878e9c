using System.Net.Http.Json;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.BadInput;

/// <summary>Megabyte-sized fields are refused with a 4xx and leave nothing behind.</summary>
[Collection(ApiCollection.Name)]
public sealed class OversizedInputTests(ApiFixture api)
{
    private static readonly string Megabyte = new('x', 1024 * 1024);

    [Fact]
    public async Task A_1MB_resource_name_is_refused_and_nothing_is_created()
    {
        var marker = ApiCalls.Marker();

        var response = await api.Admin.PostAsJsonAsync("/api/v1/resources", new { name = marker + Megabyte });

        await response.AssertClientErrorAsync();
        Assert.Empty(await api.Anonymous().ItemsAsync($"/api/v1/resources?q={marker}"));
    }

    [Fact]
    public async Task A_1MB_rename_is_refused_and_the_old_name_stays()
    {
        var name = "Keep " + ApiCalls.Marker();
        var id = await api.NewResourceAsync(name: name);

        var response = await api.Admin.PatchAsJsonAsync($"/api/v1/resources/{id}", new { name = Megabyte });

        await response.AssertClientErrorAsync();
        Assert.Equal(name, (await api.Anonymous().GetOkAsync($"/api/v1/resources/{id}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_201_character_rename_is_refused_with_422_and_does_not_claim_the_name()
    {
        var id = await api.NewResourceAsync();
        var longName = ApiCalls.Marker() + new string('n', 200);

        var response = await api.Admin.PatchAsJsonAsync($"/api/v1/resources/{id}", new { name = longName });

        await response.AssertProblemAsync(System.Net.HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    [Fact]
    public async Task A_1MB_reservation_title_is_refused_and_nothing_is_booked()
    {
        var (user, _) = await api.NewUserAsync();
        var resourceId = await api.NewResourceAsync();
        var start = ApiFixture.FutureHour();

        var response = await user.PostAsJsonAsync("/api/v1/reservations", new { resourceId, start, end = start.AddHours(1), title = Megabyte });

        await response.AssertClientErrorAsync();
        Assert.Empty(await user.ItemsAsync("/api/v1/reservations"));
    }

    [Fact]
    public async Task A_1MB_username_is_refused_and_cannot_sign_in()
    {
        var response = await api.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { username = Megabyte, password = ApiFixture.Password });
        await response.AssertClientErrorAsync();

        var signIn = await api.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { grant_type = "password", username = Megabyte, password = ApiFixture.Password });
        await signIn.AssertClientErrorAsync();
    }

    [Fact]
    public async Task A_1MB_password_or_description_is_refused()
    {
        var register = await api.Anonymous().PostAsJsonAsync("/api/v1/auth/register", new { username = "big_" + ApiCalls.Marker(), password = "Aa1!" + Megabyte });
        var marker = ApiCalls.Marker();
        var create = await api.Admin.PostAsJsonAsync("/api/v1/resources", new { name = marker, description = Megabyte });

        await register.AssertClientErrorAsync();
        await create.AssertClientErrorAsync();
        Assert.Empty(await api.Anonymous().ItemsAsync($"/api/v1/resources?q={marker}"));
    }

    [Fact]
    public async Task A_huge_query_string_is_a_client_error_or_harmless()
    {
        var response = await api.Anonymous().GetAsync("/api/v1/resources?q=" + new string('q', 8000) + "&tags=" + string.Join(',', Enumerable.Range(0, 500).Select(i => "t" + i)));

        Assert.True((int)response.StatusCode < 500, $"answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Many_tags_or_attributes_are_refused_with_422()
    {
        var marker = ApiCalls.Marker();
        var tags = Enumerable.Range(0, 51).Select(i => $"tag{i}").ToArray();
        var attributes = Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", i => "v");

        var manyTags = await api.Admin.PostAsJsonAsync("/api/v1/resources", new { name = marker, tags });
        var manyAttributes = await api.Admin.PostAsJsonAsync("/api/v1/resources", new { name = marker, attributes });

        await manyTags.AssertProblemAsync(System.Net.HttpStatusCode.UnprocessableEntity, "validation_failed");
        await manyAttributes.AssertProblemAsync(System.Net.HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Empty(await api.Anonymous().ItemsAsync($"/api/v1/resources?q={marker}"));
    }
}
