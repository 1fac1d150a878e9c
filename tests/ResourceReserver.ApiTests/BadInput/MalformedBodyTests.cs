using System.Net;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.BadInput;

/// <summary>Bodies that are not JSON (400, saying where they break) or JSON of the wrong shape or types (422 naming the field), never 500, nothing stored.</summary>
[Collection(ApiCollection.Name)]
public sealed class MalformedBodyTests(ApiFixture api)
{
    public static TheoryData<string> Unparseable => new()
    {
        "{\"resourceId\": \"",
        "{\"resourceId\": ",
        "not json at all",
        "[]",
        "[{\"resourceId\": \"x\"}]",
        "\"just a string\"",
        "42",
        "null",
        "{\"start\": 42, \"end\": 43}",
        "{\"start\": \"tomorrow\", \"end\": \"later\"}",
        "{\"start\": {}, \"end\": []}",
        "{\"title\": 5}",
        "{\"quantity\": \"abc\"}",
        "{,}",
        "",
    };

    [Theory]
    [MemberData(nameof(Unparseable))]
    public async Task Unparseable_reservation_body_is_a_client_error_and_books_nothing(string body)
    {
        var (user, _) = await api.NewUserAsync();

        var response = await user.PostRawAsync("/api/v1/reservations", body);

        await response.AssertClientErrorAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await user.ItemsAsync("/api/v1/reservations"));
    }

    [Theory]
    [InlineData("{\"name\": \"MARKER\", \"capacity\": \"abc\"}", "capacity", "a whole number")]
    [InlineData("{\"name\": \"MARKER\", \"capacity\": 1.5}", "capacity", "a whole number")]
    [InlineData("{\"name\": \"MARKER\", \"capacity\": 99999999999999}", "capacity", "a whole number")]
    [InlineData("{\"name\": \"MARKER\", \"tags\": \"room\"}", "tags", "a list")]
    [InlineData("{\"name\": \"MARKER\", \"tags\": [1, 2]}", "tags[0]", "a string")]
    [InlineData("{\"name\": \"MARKER\", \"attributes\": [\"a\"]}", "attributes", "an object of names to values")]
    [InlineData("{\"name\": \"MARKER\", \"rules\": \"strict\"}", "rules", "an object")]
    [InlineData("{\"name\": \"MARKER\", \"rules\": {\"minDurationMinutes\": \"x\"}}", "rules.minDurationMinutes", "a whole number")]
    [InlineData("[{\"name\": \"MARKER\"}]", "body", "an object")]
    [InlineData("{\"name\": [\"MARKER\"]}", "name", "a string")]
    public async Task Readable_json_with_an_unreadable_value_is_a_422_naming_the_field_and_its_form(string template, string field, string form)
    {
        var marker = ApiCalls.Marker();

        var response = await api.Admin.PostRawAsync("/api/v1/resources", template.Replace("MARKER", marker));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Equal($"Expected {form}.", problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Empty(await api.Anonymous().ItemsAsync($"/api/v1/resources?q={marker}"));
    }

    [Theory]
    [InlineData("{\"name\": \"MARKER\"", "BytePositionInLine")]
    [InlineData("{\"name\": \"MARKER\",}", "trailing comma")]
    [InlineData("name=MARKER", "LineNumber: 0")]
    public async Task A_body_that_is_not_json_at_all_is_a_400_saying_where_it_breaks(string template, string where)
    {
        var marker = ApiCalls.Marker();

        var response = await api.Admin.PostRawAsync("/api/v1/resources", template.Replace("MARKER", marker));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
        Assert.Contains(where, problem.GetProperty("detail").GetString());
        Assert.Empty(await api.Anonymous().ItemsAsync($"/api/v1/resources?q={marker}"));
    }

    [Theory]
    [InlineData("/api/v1/resources", "{\"name\": \"MARKER\", \"capcity\": 3}", "capcity")]
    [InlineData("/api/v1/resources", "{\"name\": \"MARKER\", \"rules\": {\"maxHorizonDay\": 3}}", "rules.maxHorizonDay")]
    [InlineData("/api/v1/reservations", "{\"resourceId\": \"MARKER\", \"titel\": \"x\"}", "titel")]
    public async Task A_misspelled_field_is_a_422_unknown_field_naming_it(string url, string template, string field)
    {
        var response = await api.Admin.PostRawAsync(url, template.Replace("MARKER", ApiCalls.Marker()));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "unknown_field");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("{\"name\": \"MARKER\", \"capacity\": 0}")]
    [InlineData("{\"name\": \"MARKER\", \"capacity\": -5}")]
    [InlineData("{\"name\": \"MARKER\", \"capacity\": 100001}")]
    [InlineData("{\"name\": \"MARKER\", \"timeZone\": \"Mars/Olympus\"}")]
    [InlineData("{\"name\": \"MARKER\", \"tags\": [\"this-tag-is-far-too-long-to-be-accepted-by-the-validator-at-all\"]}")]
    [InlineData("{\"name\": \"MARKER\", \"rules\": {\"maxHorizonDays\": 2147483647}}")]
    [InlineData("{\"name\": \"MARKER\", \"rules\": {\"minNoticeMinutes\": -1}}")]
    [InlineData("{\"name\": \"MARKER\", \"rules\": {\"minDurationMinutes\": 0}}")]
    [InlineData("{\"name\": \"MARKER\", \"rules\": {\"minDurationMinutes\": 120, \"maxDurationMinutes\": 60}}")]
    [InlineData("{\"name\": \"MARKER\", \"rules\": {\"maxHorizonDays\": 100000}}")]
    [InlineData("{\"name\": \"MARKER\", \"rules\": {\"maxDurationMinutes\": 2147483647}}")]
    [InlineData("{\"name\": \"   \"}")]
    [InlineData("{}")]
    public async Task Invalid_resource_fields_return_422_and_create_nothing(string template)
    {
        var marker = ApiCalls.Marker();

        var response = await api.Admin.PostRawAsync("/api/v1/resources", template.Replace("MARKER", marker));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Empty(await api.Anonymous().ItemsAsync($"/api/v1/resources?q={marker}"));
    }

    [Theory]
    [InlineData("{\"rules\": {\"maxHorizonDays\": 2147483647}}")]
    [InlineData("{\"rules\": {\"maxDurationMinutes\": -1}}")]
    [InlineData("{\"capacity\": 0}")]
    [InlineData("{\"timeZone\": \"Nowhere/Land\"}")]
    [InlineData("{\"name\": \"\"}")]
    public async Task Invalid_patch_returns_422_and_changes_nothing(string body)
    {
        var name = "Patch " + ApiCalls.Marker();
        var id = await api.NewResourceAsync(name: name);

        var response = await api.Admin.PatchAsync($"/api/v1/resources/{id}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        var current = await api.Anonymous().GetOkAsync($"/api/v1/resources/{id}");
        Assert.Equal(name, current.GetProperty("name").GetString());
        Assert.Equal(1, current.GetProperty("capacity").GetInt32());
        Assert.Equal(365, current.GetProperty("rules").GetProperty("maxHorizonDays").GetInt32());
    }

    [Theory]
    [InlineData("{\"username\": ", HttpStatusCode.BadRequest)]
    [InlineData("[\"user\", \"pass\"]", HttpStatusCode.UnprocessableEntity)]
    [InlineData("{\"username\": 12345, \"password\": true}", HttpStatusCode.UnprocessableEntity)]
    [InlineData("<xml/>", HttpStatusCode.BadRequest)]
    public async Task Malformed_register_body_is_refused(string body, HttpStatusCode status)
    {
        var response = await api.Anonymous().PostRawAsync("/api/v1/auth/register", body);
        await response.AssertProblemAsync(status, null);
    }

    [Theory]
    [InlineData("{\"grant_type\": ", "application/json")]
    [InlineData("[\"password\"]", "application/json")]
    [InlineData("grant_type=password", "text/plain")]
    public async Task Malformed_token_request_returns_400_invalid_request(string body, string contentType)
    {
        var response = await api.Anonymous().PostRawAsync("/api/v1/auth/token", body, contentType);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "invalid_request");
    }

    [Fact]
    public async Task Reservation_body_sent_as_text_plain_is_refused_with_415_and_books_nothing()
    {
        var (user, _) = await api.NewUserAsync();
        var resourceId = await api.NewResourceAsync();
        var json = $"{{\"resourceId\":\"{resourceId}\",\"start\":\"{ApiFixture.FutureHour():O}\",\"end\":\"{ApiFixture.FutureHour().AddHours(1):O}\"}}";

        var response = await user.PostRawAsync("/api/v1/reservations", json, "text/plain");

        await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType, null);
        Assert.Empty(await user.ItemsAsync("/api/v1/reservations"));
    }

    [Fact]
    public async Task Malformed_patch_and_status_bodies_are_refused_and_change_nothing()
    {
        var name = "Intact " + ApiCalls.Marker();
        var id = await api.NewResourceAsync(name: name);

        var patch = await api.Admin.PatchAsync($"/api/v1/resources/{id}", new StringContent("{\"capacity\": \"lots\"}", System.Text.Encoding.UTF8, "application/json"));
        var status = await api.Admin.PutAsync($"/api/v1/resources/{id}/status", new StringContent("{\"status\":", System.Text.Encoding.UTF8, "application/json"));

        await patch.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        await status.AssertProblemAsync(HttpStatusCode.BadRequest, "malformed_request");
        var current = await api.Anonymous().GetOkAsync($"/api/v1/resources/{id}");
        Assert.Equal(name, current.GetProperty("name").GetString());
        Assert.Equal("available", current.GetProperty("status").GetString());
    }
}
