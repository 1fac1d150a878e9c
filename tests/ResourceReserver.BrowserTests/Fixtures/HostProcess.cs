using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ResourceReserver.BrowserTests.Fixtures;

/// <summary>
/// A real host process (silo, API and web UI) from the host's own build output, run in <c>Development</c> with the
/// project as content root so Blazor's static web assets resolve without publishing; configured by environment.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly StringBuilder _output = new();
    private Process? _process;

    public HostProcess(string name, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        Port = FreePort();
        _environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Clustering__SiloPort"] = FreePort().ToString(),
            ["Clustering__GatewayPort"] = FreePort().ToString(),
            ["Auth__PasswordHashing__WorkFactor"] = "4",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
            ["Web__RevalidationInterval"] = "00:00:01",
            ["Dispatch__PollInterval"] = "00:00:00.2",
            ["Reminders__PollInterval"] = "00:00:00.5",
        };
        foreach (var (key, value) in GenerousRateLimits)
        {
            _environment[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            _environment[key] = value;
        }
    }

    /// <summary>Limits no test reaches by accident (tests share one address and send more than a person would); the limits stay on.</summary>
    public static readonly IReadOnlyDictionary<string, string> GenerousRateLimits = new[] { "Anonymous", "Guest", "User", "Premium", "Admin", "Auth" }
        .ToDictionary(tier => $"RateLimits__{tier}", _ => "1000000");

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    /// <summary>What the process printed, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Settings of an embedded-mode host on a fresh SQLite file.</summary>
    public static Dictionary<string, string> Embedded() => new()
    {
        ["Storage__SqlitePath"] = Path.Combine(Path.GetTempPath(), "rr-browser-" + Guid.NewGuid().ToString("N")[..10], "rr.db"),
    };

    /// <summary>Starts the host and waits until <c>/ready</c> answers 200.</summary>
    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("dotnet", Paths.HostDll)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Paths.HostProject,
        };
        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        _process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the host.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Host {Name} exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync("/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Host {Name} was not ready in time:\n{Output}");
    }

    /// <summary>Ends the process at once: the tests never need a graceful stop, and it saves the shutdown time.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        var logs = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(Paths.Screenshots)!, "browser-logs"));
        await File.WriteAllTextAsync(Path.Combine(logs.FullName, $"{Name}-{Port}.log"), Output);
    }

    /// <summary>A free loopback TCP port.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
