using Microsoft.AspNetCore.SignalR;

namespace ResourceReserver.Host.Live;

/// <summary>This silo's <see cref="ILiveObserver"/>, wrapping the hub context.</summary>
public sealed class HubLiveObserver(IHubContext<LiveHub> hub) : ILiveObserver
{
    /// <inheritdoc />
    public Task PublishAsync(LiveChange change) =>
        hub.Clients.Group(LiveHub.ResourceGroup(change.ResourceId)).SendAsync("availabilityChanged", change);

    /// <summary>Pushes a personal notification to all of a user's connections.</summary>
    public Task NotifyAsync(Guid userId, LiveNotification notification) =>
        hub.Clients.Group(LiveHub.UserGroup(userId)).SendAsync("notification", notification);
}
