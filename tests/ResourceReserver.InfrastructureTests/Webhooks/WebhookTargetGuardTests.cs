using System.Net;
using System.Net.Sockets;
using ResourceReserver.Infrastructure.Webhooks;

namespace ResourceReserver.InfrastructureTests.Webhooks;

/// <summary>The SSRF guard: canonical host names, names resolving inward, rebinding between save and connect, redirects.</summary>
public sealed class WebhookTargetGuardTests
{
    [Theory]
    [InlineData("http://localhost./hook")]
    [InlineData("http://LOCALHOST../hook")]
    [InlineData("http://127.0.0.1./hook")]
    [InlineData("http://127.1/hook")]
    [InlineData("http://2130706433/hook")]
    [InlineData("http://0x7f000001/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[::ffff:127.0.0.1]/hook")]
    [InlineData("http://api.localhost/hook")]
    [InlineData("http://10.0.0.1./hook")]
    [InlineData("http://169.254.169.254./latest/meta-data")]
    public async Task Spellings_of_internal_addresses_are_refused(string url)
    {
        Assert.NotNull(await WebhookTargetGuard.CheckAsync(url, allowPrivate: false, CancellationToken.None));
    }

    [Fact]
    public async Task Names_the_hosts_file_maps_inward_are_refused_with_or_without_a_trailing_dot()
    {
        var names = File.ReadAllLines("/etc/hosts")
            .Select(line => line.Split('#')[0].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(fields => fields.Length > 1 && IPAddress.TryParse(fields[0], out var address) && !WebhookTargetGuard.IsPublic(address))
            .SelectMany(fields => fields.Skip(1))
            .Append(Dns.GetHostName())
            .Distinct()
            .ToList();
        Assert.Contains("localhost", names);

        foreach (var name in names.SelectMany(n => new[] { n, n + ".", n.ToUpperInvariant() }))
        {
            var problem = await WebhookTargetGuard.CheckAsync($"https://{name}/hook", allowPrivate: false, CancellationToken.None);
            Assert.True(problem is not null, $"{name} was accepted");
        }
    }

    [Fact]
    public async Task A_name_is_judged_by_every_address_dns_gives_it()
    {
        var zone = new Dictionary<string, IPAddress[]>
        {
            ["public.test"] = [IPAddress.Parse("93.184.215.14")],
            ["inward.test"] = [IPAddress.Parse("10.1.2.3")],
            ["mixed.test"] = [IPAddress.Parse("93.184.215.14"), IPAddress.Parse("192.168.1.1")],
            ["v6.test"] = [IPAddress.Parse("fd00::1")],
        };
        WebhookTargetGuard.Resolver resolve = (host, _) => zone.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : throw new SocketException((int)SocketError.HostNotFound);

        Assert.Null(await WebhookTargetGuard.CheckAsync("https://PUBLIC.test./hook", false, CancellationToken.None, resolve));
        Assert.NotNull(await WebhookTargetGuard.CheckAsync("https://inward.test/hook", false, CancellationToken.None, resolve));
        Assert.NotNull(await WebhookTargetGuard.CheckAsync("https://mixed.test/hook", false, CancellationToken.None, resolve));
        Assert.NotNull(await WebhookTargetGuard.CheckAsync("https://v6.test/hook", false, CancellationToken.None, resolve));
        Assert.Equal("url's host name does not resolve.", await WebhookTargetGuard.CheckAsync("https://nowhere.test/hook", false, CancellationToken.None, resolve));
    }

    [Fact]
    public async Task A_name_rebound_inward_after_it_was_saved_is_refused_at_connection()
    {
        var receiver = new TcpListener(IPAddress.Loopback, 0);
        receiver.Start();
        var port = ((IPEndPoint)receiver.LocalEndpoint).Port;
        var lookups = 0;
        WebhookTargetGuard.Resolver rebinding = (_, _) =>
            Task.FromResult(Interlocked.Increment(ref lookups) == 1 ? [IPAddress.Parse("93.184.215.14")] : new[] { IPAddress.Loopback });
        try
        {
            Assert.Null(await WebhookTargetGuard.CheckAsync($"http://rebind.test:{port}/hook", false, CancellationToken.None, rebinding));
            using var http = new HttpClient(WebhookTargetGuard.Handler(allowPrivate: false, rebinding));

            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync($"http://rebind.test:{port}/hook"));

            Assert.Contains("not a public address", refused.Message);
            Assert.False(receiver.Pending());
        }
        finally
        {
            receiver.Stop();
        }
    }

    [Fact]
    public async Task Redirects_are_never_followed()
    {
        using var inner = new HttpListener();
        var innerPort = FreeTcpPort();
        inner.Prefixes.Add($"http://127.0.0.1:{innerPort}/");
        inner.Start();
        using var outer = new HttpListener();
        var outerPort = FreeTcpPort();
        outer.Prefixes.Add($"http://127.0.0.1:{outerPort}/");
        outer.Start();
        var answered = Task.Run(async () =>
        {
            var context = await outer.GetContextAsync();
            context.Response.StatusCode = 302;
            context.Response.RedirectLocation = $"http://127.0.0.1:{innerPort}/admin";
            context.Response.Close();
        });
        var innerHit = inner.GetContextAsync();
        using var http = new HttpClient(WebhookTargetGuard.Handler(allowPrivate: true));

        using var response = await http.PostAsync($"http://127.0.0.1:{outerPort}/hook", new StringContent("{}"));
        await answered;

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.NotSame(innerHit, await Task.WhenAny(innerHit, Task.Delay(500)));
    }

    private static int FreeTcpPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
