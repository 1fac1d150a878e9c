using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace ResourceReserver.IntegrationTests.Cluster;

/// <summary>
/// The operator's recovery commands, run as an operator would (<c>dotnet ResourceReserver.Host.dll admin ...</c>)
/// against the embedded deployment's database: a locked-out administrator gets a new password, another account is
/// made administrator, and both take effect when the service starts again.
/// </summary>
public sealed class OperatorCommandTests
{
    [Fact]
    public async Task Admin_grant_and_reset_password_recover_a_deployment_without_a_usable_admin()
    {
        var directory = Path.Combine(Path.GetTempPath(), "rr-operator-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "Sqlite",
            ["Storage__SqlitePath"] = Path.Combine(directory, "reserver.db"),
            ["Clustering__Provider"] = "Localhost",
        };
        try
        {
            await using (var host = new SiloProcess("operator", settings))
            {
                await host.StartAsync();
                await ApiClient.RegisterAsync(host, "admin");
                await ApiClient.RegisterAsync(host, "bob");
                using var anonymous = ApiClient.For(host);
                for (var i = 0; i < 5; i++)
                {
                    await anonymous.PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["grant_type"] = "password", ["username"] = "admin", ["password"] = "Wrong#Pass1",
                    }));
                }

                var running = await RunAsync(host, "admin grant bob");
                Assert.True(running.ExitCode == 2, running.Output);
                Assert.Contains("stop it first", running.Output);
                await host.StopAsync();

                var granted = await RunAsync(host, "admin grant bob");
                Assert.True(granted.ExitCode == 0, granted.Output);
                Assert.Contains("'bob' is now an active administrator", granted.Output);
                var reset = await RunAsync(host, "admin reset-password admin", stdin: "Fresh#Start42");
                Assert.True(reset.ExitCode == 0, reset.Output);
                Assert.DoesNotContain("Fresh#Start42", reset.Output);
                var weak = await RunAsync(host, "admin reset-password admin", stdin: "Password1!");
                Assert.True(weak.ExitCode == 2, weak.Output);
                Assert.Equal(2, (await RunAsync(host, "admin grant nobody")).ExitCode);
                Assert.Equal(1, (await RunAsync(host, "admin promote bob")).ExitCode);
            }

            await using (var host = new SiloProcess("operator-again", settings))
            {
                await host.StartAsync();
                using var bob = ApiClient.For(host, await ApiClient.SignInAsync(host, "bob"));
                Assert.Equal(HttpStatusCode.Created, (await bob.PostAsJsonAsync("/api/v1/resources", new { name = "Recovered room" })).StatusCode);
                using var anonymous = ApiClient.For(host);
                var admin = await anonymous.PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "password", ["username"] = "admin", ["password"] = "Fresh#Start42",
                }));
                Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(SiloProcess host, string arguments, string? stdin = null)
    {
        var info = new ProcessStartInfo("dotnet", $"{HostAssembly.Path} {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(HostAssembly.Path)!,
        };
        foreach (var (key, value) in host.Environment)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        await process.StandardInput.WriteLineAsync(stdin ?? "");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
