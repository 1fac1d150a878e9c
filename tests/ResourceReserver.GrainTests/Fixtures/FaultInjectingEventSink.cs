using ResourceReserver.Events;

namespace ResourceReserver.GrainTests.Fixtures;

/// <summary>Wraps the real read store and fails the next deliveries, as a read store that is briefly down would.</summary>
public sealed class FaultInjectingEventSink(IEventSink inner) : IEventSink
{
    private int _failures;

    /// <summary>The next <paramref name="count"/> deliveries fail before reaching the read store.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failures, count);

    public Task PublishAsync(IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken = default) =>
        Interlocked.Decrement(ref _failures) >= 0
            ? Task.FromException(new IOException("read store unavailable"))
            : inner.PublishAsync(events, cancellationToken);
}
