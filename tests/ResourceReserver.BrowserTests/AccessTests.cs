using System.Net;
using System.Security.Cryptography;
using System.Web;
using OtpNet;
using ResourceReserver.BrowserTests.Fixtures;
using static Microsoft.Playwright.Assertions;

namespace ResourceReserver.BrowserTests;

/// <summary>Accounts and access in the browser: roles and permissions, MFA, OAuth2 consent.</summary>
[Collection(UiCollection.Name)]
public sealed class AccessTests(UiHost ui)
{
    [Fact]
    public async Task A_custom_role_granted_by_an_admin_opens_the_admin_pages_on_the_members_open_page()
    {
        var member = UiHost.Unique("helper");
        var role = UiHost.Unique("helpdesk");
        await ui.Api.UserAsync(member);
        var memberPage = await ui.SignedInPageAsync(member);
        await Expect(memberPage.GetByRole(AriaRole.Link, new() { Name = "Admin" })).ToHaveCountAsync(0);

        var admin = await ui.SignedInPageAsync(UiHost.Admin);
        await admin.OpenAsync("/admin/roles");
        await admin.GetByLabel("Role name").FillAsync(role);
        var newRole = admin.Locator("section", new() { Has = admin.GetByRole(AriaRole.Heading, new() { Name = "New role" }) });
        await newRole.Locator("input[value='users.manage']").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Create role" }).ClickAsync();
        await Expect(admin.GetByText($"Role {role} created.")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("role-row").Filter(new() { HasText = role })).ToContainTextAsync("users.manage");

        await admin.GetByRole(AriaRole.Link, new() { Name = "Users" }).First.ClickAsync();
        await admin.GetByLabel("Search").FillAsync(member);
        await Expect(admin.GetByTestId("user-row")).ToHaveCountAsync(1);
        await admin.GetByRole(AriaRole.Link, new() { Name = member }).ClickAsync();
        await admin.GetByLabel("Role to grant").SelectOptionAsync(role);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Grant role" }).ClickAsync();
        await Expect(admin.GetByText($"Role {role} granted.")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("user-roles")).ToContainTextAsync(role);

        // No reload: the member's open page takes the new permissions at its next revalidation (every second here).
        await memberPage.GetByRole(AriaRole.Link, new() { Name = "Admin" }).ClickAsync();
        await Expect(memberPage.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToBeVisibleAsync();
        // users.manage alone: resources and webhooks stay closed.
        await Expect(memberPage.GetByRole(AriaRole.Link, new() { Name = "Webhooks" })).ToHaveCountAsync(0);
        await memberPage.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await Expect(memberPage.GetByRole(AriaRole.Heading, new() { Name = "Users", Level = 1 })).ToBeVisibleAsync();
        await Expect(memberPage.GetByTestId("user-row").First).ToBeVisibleAsync();
        // The webhooks page's endpoint needs webhooks.manage: the member is sent to the dashboard instead.
        await memberPage.OpenAsync("/admin/webhooks");
        await Expect(memberPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Hello");

        await admin.Context.CloseAsync();
        await memberPage.Context.CloseAsync();
    }

    [Fact]
    public async Task Mfa_set_up_in_settings_is_asked_for_at_the_next_sign_in()
    {
        var username = UiHost.Unique("mfa");
        await ui.Api.UserAsync(username);
        var page = await ui.SignedInPageAsync(username);
        await page.OpenAsync("/settings");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up MFA" }).ClickAsync();

        var qr = page.GetByRole(AriaRole.Img, new() { Name = "QR code for your authenticator app" });
        await Expect(qr).ToBeVisibleAsync();
        Assert.StartsWith("data:image/png;base64,", await qr.GetAttributeAsync("src"));
        await Expect(page.GetByTestId("backup-codes").Locator("li")).ToHaveCountAsync(10);
        var totp = new Totp(Base32Encoding.ToBytes(await page.GetByTestId("mfa-secret").InputValueAsync()));

        await page.Locator("#mfa-code").FillAsync("000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn MFA on" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await page.Locator("#mfa-code").FillAsync(totp.ComputeTotp(DateTime.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn MFA on" }).ClickAsync();
        await Expect(page.GetByText("MFA is on. Keep your backup codes safe.")).ToBeVisibleAsync();
        await page.Context.CloseAsync();

        await using var context = await ui.NewContextAsync();
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync("/signin");
        await signIn.Locator("#username").FillAsync(username);
        await signIn.Locator("#password").FillAsync(Api.Password);
        await signIn.Locator("button[type=submit]").ClickAsync();
        await Expect(signIn.GetByLabel("Authentication code")).ToBeVisibleAsync();
        Assert.Contains("/signin", signIn.Url);

        // The enabling code's time step is spent: the next one is still inside the accepted window.
        await signIn.GetByLabel("Authentication code").FillAsync(totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30)));
        await signIn.Locator("button[type=submit]").ClickAsync();
        await signIn.WaitForURLAsync(url => !url.Contains("/signin"));
        await signIn.WaitForInteractiveAsync();
        await Expect(signIn.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(username);
    }

    [Fact]
    public async Task A_pkce_client_registered_in_settings_gets_a_code_once_the_user_allows_it()
    {
        var username = UiHost.Unique("owner");
        var clientName = UiHost.Unique("Notebook");
        const string redirect = "http://127.0.0.1:9/callback";
        await ui.Api.UserAsync(username);
        var page = await ui.SignedInPageAsync(username);
        await page.OpenAsync("/settings/clients");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(clientName);
        await page.Locator("input[value='authorization_code']").CheckAsync();
        await page.GetByLabel("Redirect URIs").FillAsync(redirect);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register client" }).ClickAsync();
        var clientId = await page.GetByTestId("client-id").InnerTextAsync();
        var secret = await page.GetByTestId("client-secret").InnerTextAsync();
        await Expect(page.GetByTestId("client-row").Filter(new() { HasText = clientName })).ToBeVisibleAsync();

        // Nothing listens at the redirect URI: the browser's arrival there is answered here.
        await page.Context.RouteAsync("http://127.0.0.1:9/**", route => route.FulfillAsync(new() { Status = 200, Body = "back at the client" }));
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));
        var authorize = $"/oauth/authorize?response_type=code&client_id={clientId}&redirect_uri={Uri.EscapeDataString(redirect)}"
            + $"&scope=read&state=s-123&code_challenge={challenge}&code_challenge_method=S256";

        await page.OpenAsync(authorize);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Allow {clientName} to use your account?" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("consent-scopes")).ToContainTextAsync("read");
        await page.GetByRole(AriaRole.Button, new() { Name = "Deny" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(redirect, StringComparison.Ordinal));
        var denied = HttpUtility.ParseQueryString(new Uri(page.Url).Query);
        Assert.Equal(("access_denied", "s-123"), (denied["error"], denied["state"]));

        await page.OpenAsync(authorize);
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(redirect, StringComparison.Ordinal));
        var answer = HttpUtility.ParseQueryString(new Uri(page.Url).Query);
        Assert.Equal("s-123", answer["state"]);

        var token = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = answer["code"]!, ["redirect_uri"] = redirect,
            ["client_id"] = clientId, ["client_secret"] = secret, ["code_verifier"] = verifier,
        };
        var (status, body) = await ui.Api.PostFormAsync("/api/v1/auth/token", token);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("read", body.GetProperty("scope").GetString());
        await page.Context.CloseAsync();
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
