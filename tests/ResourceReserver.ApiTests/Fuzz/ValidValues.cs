using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Fuzz;

/// <summary>Real ids of things the fuzzed host holds, and plausible field values, so malformed variants reach deep.</summary>
internal sealed class ValidValues
{
    private readonly Dictionary<string, string> _ids = [];
    private DateTimeOffset _start;

    /// <summary>Creates a resource, a reservation, a hold, a waitlist entry, a webhook, a calendar feed, a group and a label to aim at.</summary>
    public static async Task<ValidValues> SeedAsync(ApiFixture api)
    {
        var values = new ValidValues { _start = ApiFixture.FutureHour(3, 10) };
        var resource = await api.NewResourceAsync(capacity: 1);
        var full = await api.NewResourceAsync(capacity: 1);
        values._ids["resources"] = resource.ToString();
        values._ids["reservations"] = (await api.Admin.BookOkAsync(resource, values._start, values._start.AddHours(1))).ToString();
        var hold = await (await api.Admin.PostAsJsonAsync("/api/v1/holds", new { resourceId = resource, start = values._start.AddHours(3), end = values._start.AddHours(4) })).JsonAsync();
        values._ids["holds"] = hold.GetProperty("id").GetString()!;
        var (waiting, _) = await api.NewUserAsync("fuzzwait");
        await api.Admin.BookOkAsync(full, values._start, values._start.AddHours(1));
        var entry = await (await waiting.PostAsJsonAsync("/api/v1/waitlist", new { resourceId = full, start = values._start, end = values._start.AddHours(1) })).JsonAsync();
        values._ids["waitlist"] = entry.GetProperty("id").GetString()!;
        var hook = await (await api.Admin.PostAsJsonAsync("/api/v1/webhooks", new { url = "https://93.184.215.14/fuzz", events = new[] { "reservation.created" }, active = false })).JsonAsync();
        values._ids["webhooks"] = hook.GetProperty("webhook").GetProperty("id").GetString()!;
        var feed = await api.Admin.GetOkAsync("/api/v1/calendar/subscription");
        var group = await (await api.Admin.PostAsJsonAsync("/api/v1/groups", new { name = "Fuzz " + Guid.NewGuid().ToString("N")[..10] })).JsonAsync();
        values._ids["groups"] = group.GetProperty("id").GetString()!;
        var label = await (await api.Admin.PostAsJsonAsync("/api/v1/labels", new { category = "fuzz", value = Guid.NewGuid().ToString("N")[..10], color = "#123456" })).JsonAsync();
        values._ids["labels"] = label.GetProperty("id").GetString()!;
        values._ids["calendar"] = feed.GetProperty("path").GetString()!.Split('/')[^1].Replace(".ics", "", StringComparison.Ordinal);
        return values;
    }

    /// <summary>A real value for a path parameter, chosen by the collection the path is under.</summary>
    public string PathValue(string template, string parameter)
    {
        var collection = template.Split('/', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(2) ?? "";
        return parameter switch
        {
            "resourceId" => _ids["resources"],
            "token" => _ids["calendar"],
            "id" when _ids.TryGetValue(collection, out var id) => id,
            "page" => "1",
            _ => Guid.NewGuid().ToString(),
        };
    }

    /// <summary>A plausible value for a body field, from its name and schema.</summary>
    public JsonNode? Field(string name, JsonElement schema)
    {
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return name switch
        {
            "resourceId" => _ids["resources"],
            "groupId" or "parentId" => _ids["groups"],
            "intoId" => _ids["labels"],
            "color" => "#336699",
            "start" or "earliest" => _start.AddDays(1).ToString("O"),
            "end" or "latest" => _start.AddDays(1).AddHours(1).ToString("O"),
            "url" => "https://93.184.215.14/fuzz-" + Guid.NewGuid().ToString("N")[..8],
            "events" => new JsonArray("reservation.created"),
            "status" => "available",
            "scope" => "one",
            "timeZone" => "Europe/Paris",
            "username" => "fuzz_" + Guid.NewGuid().ToString("N")[..10],
            "password" => ApiFixture.Password,
            "rrule" => "FREQ=DAILY;COUNT=2",
            "name" => "Fuzz " + Guid.NewGuid().ToString("N")[..10],
            _ when format == "duration" => "PT1H",
            _ when format == "uuid" => Guid.NewGuid().ToString(),
            _ when schema.TryGetProperty("oneOf", out _) || schema.TryGetProperty("anyOf", out _) || schema.TryGetProperty("$ref", out _) => new JsonObject(),
            _ when format == "date-time" => _start.AddDays(2).ToString("O"),
            _ when format is "int32" or "int64" => 1,
            _ when IsType(schema, "boolean") => true,
            _ when IsType(schema, "array") => new JsonArray(),
            _ when IsType(schema, "object") || schema.TryGetProperty("properties", out _) => new JsonObject(),
            _ => "fuzz",
        };
    }

    private static bool IsType(JsonElement schema, string type) =>
        schema.TryGetProperty("type", out var t)
        && (t.ValueKind == JsonValueKind.String ? t.GetString() == type : t.EnumerateArray().Any(x => x.GetString() == type));
}
