using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using ResourceReserver.Load;

internal sealed record Options(
    string[] Modes, int Silos, int Seconds, int WarmUp, int Resources, int Users, int Workers, double Fraction, string[] Workloads, string? ResultsFile, bool Wrk, int LightRate, int IdleSeconds)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        var wrk = false;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--wrk")
            {
                wrk = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Unknown argument {args[i]}");
            }
        }

        string Get(string key, string fallback) => values.GetValueOrDefault(key, fallback);
        int Int(string key, int fallback) => int.Parse(Get(key, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return new Options(
            Get("modes", "baseline,production,embedded").Split(','),
            Int("silos", 1),
            Int("seconds", 30),
            Int("warmup", 3),
            Int("resources", 10_000),
            Int("users", 8),
            Int("workers", 64),
            double.Parse(Get("fraction", "0.8"), CultureInfo.InvariantCulture),
            Get("workloads", "live,single,spread,hot,availability").Split(','),
            values.GetValueOrDefault("results"),
            wrk,
            Int("light", 0),
            Int("idle", 30));
    }
}
