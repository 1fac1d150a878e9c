using System.Net;
using System.Net.Http.Json;
using OtpNet;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Access;

[Collection(ApiCollection.Name)]
public sealed class MfaEndpointTests(ApiFixture api)
{
    // The code of the step after now: still inside the verification window, and never the step that enabling used.
    private static string NextCode(string secret, int stepsAhead = 1) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * stepsAhead));

    private static string Code(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow);

    private Task<HttpResponseMessage> SignInAsync(string username, string? code = null)
    {
        var fields = new List<(string, string)> { ("grant_type", "password"), ("username", username), ("password", ApiFixture.Password) };
        if (code is not null)
        {
            fields.Add(("mfa_code", code));
        }

        return AccessArrange.TokenAsync(api.Anonymous(), [.. fields]);
    }

    private async Task<(HttpClient Client, string Username, string Secret, List<string> BackupCodes)> EnrolledAsync()
    {
        var username = await api.RegisterAsync("mfa");
        var client = await api.SignedInAsync(username);
        var setup = await client.PostAsync("/api/v1/users/me/mfa/setup", null);
        Assert.Equal(HttpStatusCode.OK, setup.StatusCode);
        Assert.Equal("no-store", setup.Headers.CacheControl?.ToString());
        var body = await setup.JsonAsync();
        var secret = body.GetProperty("secret").GetString()!;
        Assert.StartsWith("otpauth://totp/", body.GetProperty("otpauthUri").GetString());
        Assert.Contains("issuer=Resource%20Reserver", body.GetProperty("otpauthUri").GetString());
        var png = Convert.FromBase64String(body.GetProperty("qrCodePng").GetString()!["data:image/png;base64,".Length..]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var backup = body.GetProperty("backupCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(10, backup.Count);

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(username)).StatusCode);
        await (await client.PostAsJsonAsync("/api/v1/users/me/mfa/enable", new { code = "000000" })).AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_code");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/v1/users/me/mfa/enable", new { code = Code(secret) })).StatusCode);
        return (client, username, secret, backup);
    }

    [Fact]
    public async Task Sign_in_needs_a_current_code_which_works_only_once()
    {
        var (client, username, secret, _) = await EnrolledAsync();
        Assert.True((await client.GetOkAsync("/api/v1/users/me")).GetProperty("mfaEnabled").GetBoolean());

        await (await SignInAsync(username)).AssertProblemAsync(HttpStatusCode.Unauthorized, "mfa_required");
        var code = NextCode(secret);
        var accepted = await SignInAsync(username, code);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("no-store", accepted.Headers.CacheControl?.ToString());
        Assert.Contains("no-cache", accepted.Headers.Pragma.ToString());
        await (await SignInAsync(username, code)).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_code");
    }

    [Fact]
    public async Task A_backup_code_works_once_and_new_ones_replace_the_old()
    {
        var (client, username, secret, backup) = await EnrolledAsync();

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(username, backup[0])).StatusCode);
        await (await SignInAsync(username, backup[0])).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_code");

        var renewed = await client.PostAsJsonAsync("/api/v1/users/me/mfa/backup-codes", new { code = NextCode(secret) });
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var fresh = (await renewed.JsonAsync()).GetProperty("backupCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        await (await SignInAsync(username, backup[1])).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_code");
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(username, fresh[1])).StatusCode);
    }

    [Fact]
    public async Task Wrong_codes_count_towards_the_lockout()
    {
        var (_, username, secret, _) = await EnrolledAsync();

        for (var i = 0; i < 5; i++)
        {
            await (await SignInAsync(username, "123456" == NextCode(secret) ? "654321" : "123456")).AssertProblemAsync(HttpStatusCode.Unauthorized, "invalid_mfa_code");
        }

        await (await SignInAsync(username, NextCode(secret))).AssertProblemAsync(HttpStatusCode.Unauthorized, "account_locked");
    }

    [Fact]
    public async Task Disabling_needs_the_password_and_a_code()
    {
        var (client, username, secret, backup) = await EnrolledAsync();

        await (await client.PostAsJsonAsync("/api/v1/users/me/mfa/disable", new { password = "Wrong#Pass1", code = backup[0] }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "invalid_current_password");
        await (await client.PostAsJsonAsync("/api/v1/users/me/mfa/disable", new { code = backup[0] }))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsJsonAsync("/api/v1/users/me/mfa/disable", new { password = ApiFixture.Password, code = NextCode(secret) })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(username)).StatusCode);
    }

    [Fact]
    public async Task An_admin_turns_mfa_off_for_a_user_who_lost_the_authenticator()
    {
        var (_, username, _, _) = await EnrolledAsync();
        var id = await AccessArrange.IdOfAsync(api.Admin, username);

        Assert.Equal(HttpStatusCode.OK, (await api.Admin.DeleteAsync($"/api/v1/users/{id}/mfa")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(username)).StatusCode);
    }
}
