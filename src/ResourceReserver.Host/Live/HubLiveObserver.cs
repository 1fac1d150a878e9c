using Microsoft.AspNetCore.SignalR;

namespace ResourceReserver.Host.Live;

/// <summary>
/// Sends personal notifications to a user's hub connections; with the Redis backplane one silo's hub context
/// reaches them on every silo. (Availability changes go per connection from each silo: <see cref="HubSubscribers"/>.)
/// </summary>
public sealed class HubLiveObserver(IHubContext<LiveHub> hub)
{
    /// <summary>Pushes a personal notification to all of a user's connections.</summary>
    public Task NotifyAsync(Guid userId, LiveNotification notification) =>
        hub.Clients.Group(LiveHub.UserGroup(userId)).SendAsync("notification", notification);
}
