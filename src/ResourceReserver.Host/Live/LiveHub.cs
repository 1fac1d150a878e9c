using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using ResourceReserver.Host.Auth;

namespace ResourceReserver.Host.Live;

/// <summary>
/// <c>/hubs/live</c>: signed-in clients subscribe to resources and receive <c>availabilityChanged</c>; every
/// connection also receives its user's <c>notification</c> messages.
/// </summary>
[Authorize]
public sealed class LiveHub : Hub
{
    /// <summary>The SignalR group of a resource's subscribers.</summary>
    public static string ResourceGroup(Guid resourceId) => $"resource:{resourceId:N}";

    /// <summary>The SignalR group of one user's connections.</summary>
    public static string UserGroup(Guid userId) => $"user:{userId:N}";

    /// <inheritdoc />
    public override async Task OnConnectedAsync()
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(Context.User!.UserId()));
        await base.OnConnectedAsync();
    }

    /// <summary>Starts sending changes of a resource to this connection.</summary>
    public Task SubscribeResource(Guid resourceId) => Groups.AddToGroupAsync(Context.ConnectionId, ResourceGroup(resourceId));

    /// <summary>Stops sending changes of a resource to this connection.</summary>
    public Task UnsubscribeResource(Guid resourceId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, ResourceGroup(resourceId));
}
