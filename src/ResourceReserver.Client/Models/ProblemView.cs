using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResourceReserver.Client.Models;

/// <summary>An RFC 9457 problem as the API writes it, with its stable <c>code</c>.</summary>
public sealed record ProblemView
{
    /// <summary>The problem type URI.</summary>
    public string? Type { get; init; }

    /// <summary>A short summary of the status.</summary>
    public string? Title { get; init; }

    /// <summary>The HTTP status.</summary>
    public int? Status { get; init; }

    /// <summary>What went wrong, for a person.</summary>
    public string? Detail { get; init; }

    /// <summary>The stable snake_case code, for programs.</summary>
    public string? Code { get; init; }

    /// <summary>Field names and what is wrong with each.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Booked intervals that refused a booking.</summary>
    public IReadOnlyList<TimeSlot>? Conflicts { get; init; }

    /// <summary>Free slots of the same length near a refused booking.</summary>
    public IReadOnlyList<TimeSlot>? Suggestions { get; init; }

    /// <summary>Any other member.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; init; }
}
