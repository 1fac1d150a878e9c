namespace ResourceReserver.IntegrationTests.Chaos;

/// <summary>
/// How long and how hard a chaos run is. CI uses the short defaults; the long form sets
/// <c>RR_CHAOS_SECONDS=600</c> and <c>RR_CHAOS_SEED</c> (see bench/chaos/long.sh).
/// </summary>
public sealed record ChaosSettings(int Seed, TimeSpan Duration, int Clients, int HotResources, int ColdResources)
{
    /// <summary>Where the operation logs and summaries go.</summary>
    public static string ResultsDirectory => Environment.GetEnvironmentVariable("RR_CHAOS_RESULTS")
        ?? Path.Combine(Environment.GetEnvironmentVariable("CI_WORK") ?? Path.GetTempPath(), "chaos");

    /// <summary>The settings from the environment, with the short CI form as default.</summary>
    public static ChaosSettings FromEnvironment(int defaultSeconds) => new(
        Seed: Number("RR_CHAOS_SEED", 42),
        Duration: TimeSpan.FromSeconds(Number("RR_CHAOS_SECONDS", defaultSeconds)),
        Clients: Number("RR_CHAOS_CLIENTS", 12),
        HotResources: 3,
        ColdResources: 60);

    /// <summary>Membership tuned so a dead or paused silo is declared dead within a few seconds.</summary>
    public static IReadOnlyDictionary<string, string> FastMembership { get; } = new Dictionary<string, string>
    {
        ["Clustering__Membership__ProbeTimeout"] = "00:00:02",
        ["Clustering__Membership__NumMissedProbesLimit"] = "3",
        ["Clustering__Membership__TableRefreshTimeout"] = "00:00:02",
        ["Clustering__Membership__IAmAliveTablePublishTimeout"] = "00:00:05",
        ["Clustering__Membership__DeathVoteExpirationTimeout"] = "00:00:20",
    };

    /// <summary>A SIGSTOP lasts this long: well past ProbeTimeout × NumMissedProbesLimit (6 s).</summary>
    public static TimeSpan PauseLength => TimeSpan.FromSeconds(15);

    private static int Number(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;
}
