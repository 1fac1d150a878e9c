namespace ResourceReserver.Host.Live;

/// <summary>
/// The per-silo endpoint of live updates (the GPSTracker pattern): an observer that forwards to this silo's
/// <c>IHubContext</c>. With the Redis backplane one silo's hub context reaches every client, so the silo that
/// wrote an event publishes locally and Redis carries it to clients connected elsewhere.
/// </summary>
public interface ILiveObserver : IGrainObserver
{
    /// <summary>Sends an availability change to the resource's subscribers.</summary>
    Task PublishAsync(LiveChange change);
}
