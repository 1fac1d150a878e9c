using System.Diagnostics;

namespace ResourceReserver.BrowserTests.Fixtures;

/// <summary>A Redis of the test's own (Debian's redis-server on a free port), so the test may stop and restart it.</summary>
public sealed class RedisServer : IDisposable
{
    private Process? _process;

    public int Port { get; } = HostProcess.FreePort();

    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>Starts redis-server and waits until it answers PING.</summary>
    public void Start()
    {
        _process = Process.Start(new ProcessStartInfo("redis-server", ["--bind", "127.0.0.1", "--port", Port.ToString(), "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        _process.BeginOutputReadLine();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var ping = Process.Start(new ProcessStartInfo("redis-cli", ["-p", Port.ToString(), "ping"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
            if (ping.StandardOutput.ReadToEnd().Trim() == "PONG")
            {
                return;
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException("redis-server did not answer");
    }

    /// <summary>Kills redis-server: connections break at once, like a crashed or unreachable Redis.</summary>
    public void Kill()
    {
        _process?.Kill();
        _process?.WaitForExit();
        _process = null;
    }

    public void Dispose() => Kill();
}
