// Creating resources in bulk (issue 15): the real host (embedded mode: SQLite under a temp folder) in process, driven
// over HTTP. Measures, in one run: single creates one by one on an empty name directory, one CSV import of N rows, and
// single creates again once those N exist. Not a test: prints times and ratios.
//   dotnet run -c Release --project bench/ResourceReserver.ImportBench [rows=10000] [singles=300]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

/// <summary>The benchmark's entry point (a class, since the host's <c>Program</c> is referenced).</summary>
internal static class ImportBench
{
    private static async Task Main(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var singles = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
        // The factory finds the host's content root through this variable when it is not next to the solution file it expects.
        var repository = Directory.GetCurrentDirectory();
        while (!File.Exists(Path.Combine(repository, "ResourceReserver.sln")))
        {
            repository = Path.GetDirectoryName(repository) ?? throw new InvalidOperationException("Run from inside the repository.");
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_RESOURCERESERVER_HOST", Path.Combine(repository, "src", "ResourceReserver.Host"));
        var directory = Path.Combine(Path.GetTempPath(), "rr-import-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        try
        {
            await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
            {
                host.UseEnvironment("Testing");
                host.UseSetting("Storage:Provider", "Sqlite");
                host.UseSetting("Storage:SqlitePath", Path.Combine(directory, "reserver.db"));
                host.UseSetting("Clustering:Provider", "Localhost");
                host.UseSetting("Clustering:SiloPort", FreePort().ToString(CultureInfo.InvariantCulture));
                host.UseSetting("Clustering:GatewayPort", FreePort().ToString(CultureInfo.InvariantCulture));
                host.UseSetting("Auth:PasswordHashing:WorkFactor", "4");
                host.UseSetting("Logging:LogLevel:Default", "Warning");
                foreach (var tier in new[] { "Anonymous", "Guest", "User", "Premium", "Admin", "Auth" })
                {
                    host.UseSetting($"RateLimits:{tier}", "1000000");
                }
            });
            var admin = await AdminAsync(factory);

            var before = await SinglesAsync(admin, "before", singles);
            var csv = new StringBuilder("name,description,tags,capacity,timeZone,location,available\r\n");
            for (var i = 0; i < rows; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"\"Bulk room {i:D6}\",\"Imported, row {i}\",\"bulk,floor-{i % 20}\",{1 + (i % 12)},Europe/Paris,Floor {i % 20},true\r\n");
            }

            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            var watch = Stopwatch.StartNew();
            var response = await admin.PostAsync("/api/v1/resources/import", content);
            var importSeconds = watch.Elapsed.TotalSeconds;
            var answer = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"Import answered {(int)response.StatusCode}: {answer}");
            }

            var after = await SinglesAsync(admin, "after", singles);
            var importRate = rows / importSeconds;
            Console.WriteLine($"single creates, empty directory:       {singles} in {before:F2} s = {singles / before:F1}/s");
            Console.WriteLine($"CSV import of {rows:N0} rows:           {importSeconds:F2} s = {importRate:F1} rows/s  ({answer})");
            Console.WriteLine($"single creates, {rows + singles:N0} names held: {singles} in {after:F2} s = {singles / after:F1}/s");
            Console.WriteLine($"import rate / single-create rate (empty)   = {importRate / (singles / before):F1}");
            Console.WriteLine($"import rate / single-create rate (filled)  = {importRate / (singles / after):F1}");
            Console.WriteLine($"{rows:N0} single creates at the filled rate would take ~{rows / (singles / after):F0} s");
        }
        finally
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A pooled connection may still hold the file; the temp folder is cleaned eventually.
            }
        }
    }

    private static async Task<double> SinglesAsync(HttpClient admin, string prefix, int count)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var created = await admin.PostAsJsonAsync("/api/v1/resources", new { name = $"Single {prefix} {i:D5}", capacity = 1 });
            created.EnsureSuccessStatusCode();
        }

        return watch.Elapsed.TotalSeconds;
    }

    private static async Task<HttpClient> AdminAsync(WebApplicationFactory<Program> factory)
    {
        var client = factory.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(10);
        (await client.PostAsJsonAsync("/api/v1/auth/register", new { username = "bench_admin", password = "Str0ng-Passw0rd!" })).EnsureSuccessStatusCode();
        var token = await client.PostAsync("/api/v1/auth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = "bench_admin", ["password"] = "Str0ng-Passw0rd!",
        }));
        token.EnsureSuccessStatusCode();
        var access = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", access);
        return client;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
