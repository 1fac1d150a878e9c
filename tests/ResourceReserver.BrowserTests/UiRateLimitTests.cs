using System.Net;
using System.Net.Http.Headers;
using ResourceReserver.BrowserTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ResourceReserver.BrowserTests;

/// <summary>
/// Actions in the web UI arrive through the circuit, not as HTTP requests, yet spend the same per-account budget as the
/// API (a host of its own with <c>RateLimits:User=5</c>).
/// </summary>
public sealed class UiRateLimitTests
{
    [Fact]
    public async Task Ui_actions_spend_the_users_request_budget_and_over_it_the_page_says_so()
    {
        var settings = HostProcess.Embedded();
        settings["RateLimits__User"] = "5";
        await using var host = new HostProcess("ui-limits", settings);
        await host.StartAsync();
        using var api = new Api(host.BaseAddress);
        await api.UserAsync("admin");
        var username = UiHost.Unique("typist");
        var token = await api.UserAsync(username);
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress.ToString() });
            var page = await context.NewPageAsync();
            await page.SignInAsync(username);
            await page.OpenAsync("/resources");

            // Each character typed into the search is one action: the sixth is refused.
            await page.GetByLabel("Search").PressSequentiallyAsync("projector", new() { Delay = 60 });
            await Expect(page.GetByText("Too many actions in a short time.")).ToBeVisibleAsync();
            await Expect(page.GetByText("seconds, then try again.")).ToBeVisibleAsync();

            // The same budget as the API's: the user's next API request is refused too.
            using var http = new HttpClient { BaseAddress = host.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await http.GetAsync("/api/v1/users/me");
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.NotNull(response.Headers.RetryAfter);
            await context.CloseAsync();
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }
}
