namespace ResourceReserver.Infrastructure.Dispatch;

/// <summary>
/// Wakes this silo's event dispatcher when the log has something new: in process from the silo's own writers, and
/// from PostgreSQL's NOTIFY for commits of every silo. While the listener is up, a commit of this silo is heard
/// through it (the NOTIFY is sent inside the write transaction and delivered at commit), so one commit wakes one
/// pass, not two.
/// </summary>
public sealed class EventSignal
{
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>True while a PostgreSQL listener hears every commit of every silo.</summary>
    public bool Listening { get; set; }

    /// <summary>A writer of this silo committed events.</summary>
    public void Committed()
    {
        if (!Listening)
        {
            Wake();
        }
    }

    /// <summary>The database said some silo committed events.</summary>
    public void Notified() => Wake();

    /// <summary>Waits until woken or <paramref name="timeout"/> passed; true when woken.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);

    private void Wake()
    {
        lock (_wake)
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
    }
}
