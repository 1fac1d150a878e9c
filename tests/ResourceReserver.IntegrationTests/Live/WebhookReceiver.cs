using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace ResourceReserver.IntegrationTests.Live;

/// <summary>A real HTTP receiver on loopback (HttpListener) answering from a script of status codes, then 200.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Queue<int> _script;

    public WebhookReceiver(params int[] statuses)
    {
        _script = new Queue<int>(statuses);
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/hook/";
        }

        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public string Url { get; }

    /// <summary>Every request received, in order.</summary>
    public ConcurrentQueue<Received> Requests { get; } = new();

    public async Task<Received> WaitForAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Requests.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        Assert.True(Requests.Count >= count, $"Expected {count} webhook requests, got {Requests.Count}.");
        return Requests.ElementAt(count - 1);
    }

    public void Dispose() => _listener.Close();

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            int status;
            lock (_script)
            {
                status = _script.Count > 0 ? _script.Dequeue() : 200;
            }

            Requests.Enqueue(new Received(
                context.Request.Headers["webhook-id"] ?? "", context.Request.Headers["webhook-timestamp"] ?? "",
                context.Request.Headers["webhook-signature"] ?? "", body, status));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    public sealed record Received(string Id, string Timestamp, string Signature, string Body, int AnsweredWith);
}
