using ResourceReserver.Events;
using ResourceReserver.Outbox;

namespace ResourceReserver.Quotas;

/// <summary>The persisted state of a booking quota grain: the override and the units counted on one UTC day.</summary>
[GenerateSerializer, Alias("rr.BookingQuotaState")]
public sealed class BookingQuotaState : IHasOutbox
{
    /// <summary>An administrator's limit for this user; null means the tier default.</summary>
    [Id(0)] public int? Override { get; set; }

    /// <summary>The UTC day <see cref="Units"/> count for.</summary>
    [Id(1)] public DateOnly Day { get; set; }

    /// <summary>One id per booking counted on <see cref="Day"/>.</summary>
    [Id(2)] public List<Guid> Units { get; set; } = [];

    /// <summary>Unused: quota changes publish no events, but the write discipline expects an outbox.</summary>
    [Id(3)] public List<DomainEvent> Outbox { get; set; } = [];
}
