using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ResourceReserver.IntegrationTests.Cluster;

/// <summary>
/// A real host process (silo + API) started from the built ResourceReserver.Host.dll, configured only through
/// environment variables, exactly as an operator would run it.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly StringBuilder _output = new();
    private Process? _process;

    /// <summary>Prepares a silo; call <see cref="StartAsync"/> to run it.</summary>
    public SiloProcess(string name, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        HttpPort = NextFreePort();
        _environment = new Dictionary<string, string>(settings)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{HttpPort}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Clustering__SiloPort"] = NextFreePort().ToString(),
            ["Clustering__GatewayPort"] = NextFreePort().ToString(),
            ["Auth__PasswordHashing__WorkFactor"] = "4",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in GenerousRateLimits)
        {
            _environment.TryAdd(key, value);
        }
    }

    /// <summary>Limits no test reaches by accident (tests share one address and send more than a person would); the limits stay on.</summary>
    public static readonly IReadOnlyDictionary<string, string> GenerousRateLimits = new[] { "Anonymous", "Guest", "User", "Premium", "Admin", "Auth" }
        .ToDictionary(tier => $"RateLimits__{tier}", _ => "1000000");

    public string Name { get; }

    /// <summary>The environment the process runs with (its whole configuration).</summary>
    public IReadOnlyDictionary<string, string> Environment => _environment;

    public int HttpPort { get; }

    /// <summary>The API base address.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

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

    /// <summary>Starts the process and waits until <c>/ready</c> answers 200.</summary>
    public async Task StartAsync(TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo("dotnet", HostAssembly.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = System.IO.Path.GetDirectoryName(HostAssembly.Path)!,
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
        await WaitUntilReadyAsync(timeout ?? TimeSpan.FromSeconds(90));
    }

    /// <summary>Stops gracefully (SIGTERM) and waits for the process to leave the cluster.</summary>
    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        Process.Start("kill", ["-TERM", _process.Id.ToString()])?.WaitForExit();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process = null;
    }

    /// <summary>True when the process is not running (never started, stopped, killed or self-terminated).</summary>
    public bool HasExited => _process is null || _process.HasExited;

    /// <summary>Sends a POSIX signal (<c>KILL</c>, <c>STOP</c>, <c>CONT</c>) to the process, for the chaos tests.</summary>
    public void Signal(string signal)
    {
        if (_process is { HasExited: false } process)
        {
            Process.Start("kill", [$"-{signal}", process.Id.ToString()])?.WaitForExit();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Signal("CONT");
        await StopAsync();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"Silo {Name} exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync("/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow start on a loaded machine.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Silo {Name} was not ready within {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int NextFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
