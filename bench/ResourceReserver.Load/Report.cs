using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using ResourceReserver.Load;

/// <summary>Prints to the console and appends to the results file.</summary>
internal sealed class Report(string? path)
{
    public void Line(string text)
    {
        Console.WriteLine(text);
        if (path is not null)
        {
            File.AppendAllText(path, text + "\n");
        }
    }

    public void Point(PointResult result, string cpu)
    {
        Line("RESULT " + result.Line()
            + (result.Bad > 0 ? $"  <-- {result.Bad} responses neither 2xx nor 409" : "")
            + (result.Skipped > 0 ? $"  <-- {result.Skipped} scheduled requests not sent: 4096 already outstanding (the server fell behind the offered rate)" : ""));
        Line("  " + cpu);
        Line(result.Histogram);
    }
}
