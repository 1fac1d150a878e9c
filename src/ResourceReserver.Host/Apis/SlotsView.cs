using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Apis;

/// <summary>Free slots of one local date.</summary>
public sealed record SlotsView(Guid ResourceId, string Date, string TimeZone, int DurationMinutes, IReadOnlyList<TimeRange> Slots);
