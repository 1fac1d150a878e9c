using System.Collections.Concurrent;
using System.Text.Json;

namespace ResourceReserver.IntegrationTests.Chaos;

/// <summary>The final word on one booking attempt (all its retries with one Idempotency-Key).</summary>
public enum BookingVerdict
{
    /// <summary>201/200: the engine said it is booked.</summary>
    Acknowledged,

    /// <summary>409: the engine said the slot is taken.</summary>
    Refused,

    /// <summary>Another 4xx: refused for a rule; must be absent like a conflict.</summary>
    Rejected,

    /// <summary>No answer before the retry deadline: may or may not be stored.</summary>
    Unknown,
}

/// <summary>One logical booking, with every attempt folded in.</summary>
public sealed record BookingOperation(
    long Sequence,
    string User,
    Guid UserId,
    string IdempotencyKey,
    Guid ResourceId,
    DateTimeOffset Start,
    DateTimeOffset End,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    int Attempts,
    BookingVerdict Verdict,
    Guid? ReservationId,
    string LastStatus);

/// <summary>Every operation of a run, written as JSON lines for post-mortems.</summary>
public sealed class OperationLog
{
    private readonly ConcurrentQueue<BookingOperation> _operations = new();
    private readonly ConcurrentQueue<string> _events = new();
    private long _sequence;

    public IReadOnlyCollection<BookingOperation> Operations => _operations;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(BookingOperation operation) => _operations.Enqueue(operation);

    /// <summary>Records a fault or recovery with its time.</summary>
    public void Event(string text) => _events.Enqueue($"{DateTimeOffset.UtcNow:O} {text}");

    public IReadOnlyCollection<string> Events => _events;

    /// <summary>Writes <c>name.ops.jsonl</c> and <c>name.events.log</c>; returns the operations file.</summary>
    public string Save(string name)
    {
        Directory.CreateDirectory(ChaosSettings.ResultsDirectory);
        var path = Path.Combine(ChaosSettings.ResultsDirectory, name + ".ops.jsonl");
        File.WriteAllLines(path, _operations.OrderBy(o => o.Sequence).Select(o => JsonSerializer.Serialize(o)));
        File.WriteAllLines(Path.Combine(ChaosSettings.ResultsDirectory, name + ".events.log"), _events);
        return path;
    }
}
