using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace ResourceReserver.IntegrationTests.Live;

/// <summary>A real SMTP server on loopback: Debian's python3-aiosmtpd, storing each message as a file.</summary>
public sealed class SmtpSink : IDisposable
{
    private const string Script = """
        import os, sys, time
        from aiosmtpd.controller import Controller
        class Store:
            async def handle_DATA(self, server, session, envelope):
                path = os.path.join(sys.argv[2], str(time.time_ns()))
                with open(path + ".tmp", "wb") as f:
                    f.write(envelope.original_content or envelope.content)
                os.rename(path + ".tmp", path + ".eml")
                return "250 OK"
        controller = Controller(Store(), hostname="127.0.0.1", port=int(sys.argv[1]))
        controller.start()
        print("READY", flush=True)
        sys.stdin.read()
        controller.stop()
        """;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "rr-smtp-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public SmtpSink()
    {
        Directory.CreateDirectory(_directory);
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public int Port { get; }

    /// <summary>Starts the server and waits until it listens.</summary>
    public async Task StartAsync()
    {
        var scriptPath = Path.Combine(_directory, "sink.py");
        await File.WriteAllTextAsync(scriptPath, Script);
        _process = Process.Start(new ProcessStartInfo("/usr/bin/python3", [scriptPath, Port.ToString(), _directory])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var ready = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (ready != "READY")
        {
            // Read stderr only on failure: while the sink runs it never ends, so reading it eagerly hangs the test.
            Assert.Fail("aiosmtpd did not start: " + await _process.StandardError.ReadToEndAsync());
        }
    }

    /// <summary>Waits for a message whose subject contains <paramref name="subject"/>.</summary>
    public async Task<MimeMessage> WaitForAsync(string subject, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.GetFiles(_directory, "*.eml"))
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.Subject?.Contains(subject, StringComparison.Ordinal) == true)
                {
                    return message;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No message with subject '{subject}' arrived.");
    }

    /// <summary>How many stored messages have a subject containing <paramref name="subject"/>.</summary>
    public int CountWithSubject(string subject) =>
        Directory.GetFiles(_directory, "*.eml").Count(f => MimeMessage.Load(f).Subject?.Contains(subject, StringComparison.Ordinal) == true);

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.StandardInput.Close(); // the script stops its server when stdin closes
            if (!_process.WaitForExit(5000))
            {
                _process.Kill();
            }
        }

        Directory.Delete(_directory, recursive: true);
    }
}
