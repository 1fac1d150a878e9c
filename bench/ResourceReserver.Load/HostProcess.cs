using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ResourceReserver.Load;

/// <summary>
/// One real host process (silo + API) started from the Release build of ResourceReserver.Host, configured only
/// through environment variables in production mode, as tests/ResourceReserver.IntegrationTests/Cluster/SiloProcess.cs does.
/// Output goes to a log file; the process is stopped with SIGTERM (SIGKILL after 30 s).
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly string _hostDll;
    private readonly string _logPath;
    private Process? _process;
    private StreamWriter? _log;

    public HostProcess(string name, string hostDll, string logDirectory, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        _hostDll = hostDll;
        _logPath = Path.Combine(logDirectory, name + ".log");
        HttpPort = FreePort();
        _environment = new Dictionary<string, string>(settings)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{HttpPort}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Clustering__SiloPort"] = FreePort().ToString(),
            ["Clustering__GatewayPort"] = FreePort().ToString(),
            // Only the few benchmark users sign in; the work factor does not touch booking.
            ["Auth__PasswordHashing__WorkFactor"] = "4",
            ["Logging__LogLevel__Default"] = "Warning",

            // A load generator is one client sending far above any person's budget: measure the service, not the limiter.
            ["RateLimits__Enabled"] = "false",
        };
    }

    public string Name { get; }

    public int HttpPort { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    public int? Pid => _process?.Id;

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("dotnet", _hostDll)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(_hostDll)!,
        };
        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        _log = new StreamWriter(_logPath, append: true) { AutoFlush = true };
        _process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the host.");
        _process.OutputDataReceived += (_, e) => Write(e.Data);
        _process.ErrorDataReceived += (_, e) => Write(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}; see {_logPath}");
            }

            try
            {
                if ((await http.GetAsync("/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{Name} was not ready within 120 s; see {_logPath}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            Process.Start("kill", ["-TERM", process.Id.ToString()])?.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        _process = null;
    }

    /// <summary>Last-resort stop from an exit handler: SIGKILL this process only.</summary>
    public void KillNow()
    {
        try
        {
            if (_process is { HasExited: false } process)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private void Write(string? line)
    {
        if (line is not null)
        {
            lock (_logPath)
            {
                _log?.WriteLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
