using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using ResourceReserver.Host.Auth;

namespace ResourceReserver.Host.Live;

/// <summary>
/// <c>/hubs/live</c>: signed-in clients subscribe to resources and receive <c>availabilityChanged</c> (with reservation
/// ids of their own bookings only, unless they may manage others'); every connection also receives its user's
/// <c>notification</c> messages.
/// </summary>
[Authorize]
public sealed class LiveHub(HubSubscribers subscribers) : Hub
{
    /// <summary>The SignalR group of one user's connections.</summary>
    public static string UserGroup(Guid userId) => $"user:{userId:N}";

    /// <inheritdoc />
    public override async Task OnConnectedAsync()
    {
        var actor = Context.User!.Actor();
        subscribers.Connect(Context.ConnectionId, actor.UserId, actor.IsAdmin);
        await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(actor.UserId));
        await base.OnConnectedAsync();
    }

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscribers.Disconnect(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Starts sending changes of a resource to this connection.</summary>
    public void SubscribeResource(Guid resourceId) => subscribers.Follow(Context.ConnectionId, resourceId, follow: true);

    /// <summary>Stops sending changes of a resource to this connection.</summary>
    public void UnsubscribeResource(Guid resourceId) => subscribers.Follow(Context.ConnectionId, resourceId, follow: false);
}
