using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace ResourceReserver.Host.Live;

/// <summary>
/// The live hub's connections on this silo and the resources each follows. Every silo tails the event log itself
/// (<see cref="LiveEventTail"/>), so each pushes availability changes to its own connections, one message per
/// connection as its user may see it (<see cref="LiveChange.For"/>): a resource group would send everyone the same.
/// </summary>
public sealed class HubSubscribers : IHostedService
{
    private readonly ConcurrentDictionary<string, Subscriber> _connections = new(StringComparer.Ordinal);
    private readonly LiveEventBus _bus;
    private readonly IHubContext<LiveHub> _hub;
    private readonly ILogger<HubSubscribers> _logger;
    private IDisposable? _subscription;

    /// <summary>Pushes through <paramref name="hub"/> what <paramref name="bus"/> hears.</summary>
    public HubSubscribers(LiveEventBus bus, IHubContext<LiveHub> hub, ILogger<HubSubscribers> logger) => (_bus, _hub, _logger) = (bus, hub, logger);

    /// <summary>Registers a connection of <paramref name="userId"/>.</summary>
    public void Connect(string connectionId, Guid userId, bool seesOwners) => _connections[connectionId] = new Subscriber(userId, seesOwners);

    /// <summary>Forgets a connection.</summary>
    public void Disconnect(string connectionId) => _connections.TryRemove(connectionId, out _);

    /// <summary>Starts or stops sending a resource's changes to a connection.</summary>
    public void Follow(string connectionId, Guid resourceId, bool follow)
    {
        if (_connections.TryGetValue(connectionId, out var subscriber))
        {
            if (follow)
            {
                subscriber.Resources.TryAdd(resourceId, 0);
            }
            else
            {
                subscriber.Resources.TryRemove(resourceId, out _);
            }
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = _bus.SubscribeAvailability(null, seesOwners: true, PushAsync);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private async Task PushAsync(IReadOnlyList<LiveChange> changes)
    {
        foreach (var change in changes)
        {
            foreach (var (connectionId, subscriber) in _connections)
            {
                if (!subscriber.Resources.ContainsKey(change.ResourceId))
                {
                    continue;
                }

                try
                {
                    await _hub.Clients.Client(connectionId).SendAsync("availabilityChanged", change.For(subscriber.UserId, subscriber.SeesOwners));
                }
                catch (Exception exception)
                {
                    // At most once, like every push: a lost message costs the client a refresh, the log stays the truth.
                    _logger.LogWarning(exception, "Live push of {EventId} to {ConnectionId} failed", change.EventId, connectionId);
                }
            }
        }
    }

    private sealed record Subscriber(Guid UserId, bool SeesOwners)
    {
        public ConcurrentDictionary<Guid, byte> Resources { get; } = new();
    }
}
