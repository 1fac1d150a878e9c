using System.Text.Json;
using System.Text.RegularExpressions;
using ResourceReserver.BrowserTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ResourceReserver.BrowserTests;

/// <summary>The interactive API page at <c>/docs</c> signs in through its own authorize panel and tries a call.</summary>
[Collection(UiCollection.Name)]
public sealed partial class ApiDocsTests(UiHost ui)
{
    [Fact]
    public async Task The_docs_page_signs_in_with_the_password_flow_and_calls_an_endpoint()
    {
        var username = UiHost.Unique("docs");
        await ui.Api.UserAsync(username);
        await using var context = await ui.NewContextAsync();
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                refused.Add(message.Text);
            }
        };

        await page.GotoAsync("/docs");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Resource Reserver API" })).ToBeVisibleAsync();

        // The authorize panel: the OAuth2 scheme's password flow posts to POST /api/v1/auth/token.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Selected Auth Type: oauth2" }).First).ToBeVisibleAsync();
        await page.GetByLabel("Username", new() { Exact = true }).First.FillAsync(username);
        await page.GetByLabel("Password", new() { Exact = true }).First.FillAsync(Api.Password);
        var token = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Authorize", Exact = true }).First.ClickAsync(),
            response => response.Url.EndsWith("/api/v1/auth/token", StringComparison.Ordinal));
        Assert.Equal(200, token.Status);
        await Expect(page.GetByText("Access Token:").First).ToBeVisibleAsync();

        // Try GET /api/v1/users/me from the page, signed in by that token.
        await page.GetByRole(AriaRole.Button, new() { Name = "Open Group - Users", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Your profile" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = TestRequestForMe() }).First.ClickAsync();
        var me = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { NameRegex = SendButton() }).First.ClickAsync(),
            response => response.Url.EndsWith("/api/v1/users/me", StringComparison.Ordinal));

        Assert.Equal(200, me.Status);
        Assert.StartsWith("Bearer ey", await me.Request.HeaderValueAsync("authorization"));
        Assert.Equal(username, JsonDocument.Parse(await me.TextAsync()).RootElement.GetProperty("username").GetString());
        await Expect(page.GetByText("200 OK").First).ToBeVisibleAsync();
        Assert.Empty(refused);
    }

    [GeneratedRegex(@"Test Request.*get \/api\/v1\/users\/me")]
    private static partial Regex TestRequestForMe();

    [GeneratedRegex("^Send")]
    private static partial Regex SendButton();
}
