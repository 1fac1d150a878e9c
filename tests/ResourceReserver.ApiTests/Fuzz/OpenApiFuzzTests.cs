using System.Net;
using System.Text.Json;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Fuzz;

/// <summary>
/// Every operation of the OpenAPI document gets malformed variants (<see cref="MalformedVariants"/>): none may
/// answer 5xx, an <c>/api</c> refusal is a problem with a code, and a refused request changes nothing stored.
/// Operations come from the running host's document, so a new endpoint is fuzzed without anyone adding it here.
/// Runs on a host of its own, so no other test's writes show up in its snapshots.
/// </summary>
public sealed class OpenApiFuzzTests(FuzzFixture api) : IClassFixture<FuzzFixture>
{
    [Fact]
    public async Task No_malformed_request_gets_a_5xx_and_no_refused_one_changes_anything()
    {
        var document = await api.Admin.GetOkAsync("/openapi/v1.json");
        var operations = FuzzOperation.From(document);
        Assert.Contains(operations, o => o.Path == "/api/v1/reservations" && o.Method == "POST");
        var valid = await ValidValues.SeedAsync(api);
        var failures = new List<string>();
        var sent = 0;
        var before = await SettledSnapshotAsync();
        foreach (var operation in operations)
        {
            foreach (var request in MalformedVariants.Of(operation, valid))
            {
                var (status, body, contentType) = await SendAsync(request);
                sent++;
                var after = StorageSnapshot.Take(api.Factory.DatabasePath);
                var label = $"{operation.Method} {operation.Path} [{request.Description}] → {status}";
                if (status >= 500)
                {
                    failures.Add($"{label}: {Truncate(body)}");
                }
                else if (status >= 400 && after.ChangedSince(before) is { Count: > 0 } changed)
                {
                    failures.Add($"{label} changed {string.Join(", ", changed)}");
                }
                else if (status >= 400 && operation.Path.StartsWith("/api/", StringComparison.Ordinal) && !IsProblem(contentType, body))
                {
                    failures.Add($"{label} is not a problem with a code: {Truncate(body)}");
                }

                // A request that changed something (a 2xx) may set off follow-up work (notifications...): let it
                // finish, so it is not blamed on the next request.
                before = after.ChangedSince(before).Count > 0 ? await SettledSnapshotAsync() : after;
            }
        }

        Assert.True(sent > 1000, $"Only {sent} variants were sent.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} variants failed:\n{string.Join('\n', failures.Take(60))}");
    }

    /// <summary>A snapshot once nothing has changed for a moment.</summary>
    private async Task<StorageSnapshot> SettledSnapshotAsync()
    {
        var snapshot = StorageSnapshot.Take(api.Factory.DatabasePath);
        for (var quiet = 0; quiet < 3;)
        {
            await Task.Delay(100);
            var next = StorageSnapshot.Take(api.Factory.DatabasePath);
            quiet = next.ChangedSince(snapshot).Count == 0 ? quiet + 1 : 0;
            snapshot = next;
        }

        return snapshot;
    }

    private async Task<(int Status, string Body, string? ContentType)> SendAsync(FuzzRequest request)
    {
        using var message = new HttpRequestMessage(request.Method, request.Url) { Content = MalformedVariants.Content(request) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await api.Admin.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var status = (int)response.StatusCode;

        // A streaming endpoint (the dashboard's trace) never ends: its status is what counts.
        var isStream = response.Content.Headers.ContentType?.MediaType is "text/event-stream" || request.Url.EndsWith("/Trace", StringComparison.Ordinal);
        var body = isStream ? "" : await response.Content.ReadAsStringAsync(timeout.Token);
        return (status, body, response.Content.Headers.ContentType?.MediaType);
    }

    private static bool IsProblem(string? contentType, string body)
    {
        if (contentType != "application/problem+json")
        {
            return false;
        }

        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String;
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
