using System.Globalization;

namespace ResourceReserver.Load;

/// <summary>The issue-10 targets as ratios of figures taken in the same run.</summary>
internal static class Ratios
{
    public static void Report(Report report, IReadOnlyDictionary<(string Mode, string Workload), PointResult> points, IReadOnlyDictionary<(string Mode, string Workload), double> perBooking)
    {
        foreach (var mode in points.Keys.Select(k => k.Mode).Distinct().Where(m => m != "baseline"))
        {
            Ratio(report, points, mode, "spread", 1.5);
            Ratio(report, points, mode, "hot", 3.0);
            if (points.TryGetValue((mode, "spread@80"), out var open))
            {
                var p99 = open.Percentiles[2];
                report.Line(Line($"RATIO {mode}: spread p99 at 80 % of saturation {p99:0.0} ms (target <= 25 ms): {(p99 <= 25 ? "met" : "MISSED")}"));
            }

            foreach (var (workload, target) in new[] { ("single", 2.0), ("spread", 1.1) })
            {
                if (perBooking.TryGetValue((mode, workload), out var transactions) && transactions > 0)
                {
                    report.Line(Line($"RATIO {mode}: PostgreSQL transactions per {workload} booking {transactions:0.00} (target <= {target:0.0}): {(transactions <= target ? "met" : "MISSED")}"));
                }
            }
        }
    }

    private static void Ratio(Report report, IReadOnlyDictionary<(string Mode, string Workload), PointResult> points, string mode, string workload, double target)
    {
        if (points.TryGetValue((mode, workload), out var ours) && points.TryGetValue(("baseline", workload), out var baseline) && baseline.Throughput > 0)
        {
            var ratio = ours.Throughput / baseline.Throughput;
            report.Line(Line($"RATIO {mode}: {workload} saturation {ours.Throughput:0}/s vs REST baseline {baseline.Throughput:0}/s = {ratio:0.00} x (target >= {target:0.0}): {(ratio >= target ? "met" : "MISSED")}"));
        }
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
