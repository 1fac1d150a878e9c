namespace ResourceReserver.Host.Components;

/// <summary>What the UI knows of the person looking at it before any script runs: their browser's time zone.</summary>
public sealed record Viewer(string? TimeZone);
