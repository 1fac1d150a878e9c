using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ResourceReserver.Cli.Hosting;
using ResourceReserver.Cli.Input;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Client.Http;
using Spectre.Console;
using static ResourceReserver.Cli.Hosting.CommandKit;

namespace ResourceReserver.Cli.Commands;

/// <summary><c>rr resources upload | export</c> and <c>rr reservations export</c>: CSV in and out, through the server's import and exports.</summary>
public static class CsvCommands
{
    /// <summary><c>upload</c> and <c>export</c> under <c>rr resources</c>.</summary>
    public static IEnumerable<Command> ForResources(CommandKit kit)
    {
        var file = Arg("file", "The CSV file (name,description,tags,capacity,timeZone,location,group,available; header required)");
        var preview = Opt<bool>("--preview", "Check the file and show what would change; import nothing");
        yield return kit.Run(Command("upload", "Import resources from CSV: all rows or none (existing names are updated)", file, preview), AuthMode.Required,
            inv => UploadAsync(inv, inv.Get(file)!, inv.Get(preview)));

        var output = Opt<string?>("--output", "Write the CSV to this file instead of stdout", "-o");
        yield return kit.Run(Command("export", "Every resource as CSV, in the upload format", output), AuthMode.Optional,
            inv => Exports.WriteAsync(inv, inv.Get(output), "Resources", (stream, ct) => inv.Api.Resources.ExportAsync(stream, ct)));
    }

    /// <summary><c>rr reservations export</c>.</summary>
    public static Command ReservationExport(CommandKit kit)
    {
        var from = Opt<string?>("--from", "Only reservations ending after this instant (ISO 8601 with offset)");
        var until = Opt<string?>("--until", "Only reservations starting before this instant");
        var resource = Opt<string?>("--resource", "Only this resource (id or exact name)");
        var user = Opt<string?>("--user", "Only this user's (user id; reservations.manage)");
        var output = Opt<string?>("--output", "Write the CSV to this file instead of stdout", "-o");
        return kit.Run(Command("export", "Your reservations as CSV (everyone's with reservations.manage)", from, until, resource, user, output), AuthMode.Required, async inv =>
        {
            var resourceId = inv.Get(resource) is { } text ? (await inv.ResourceAsync(text)).Id.ToString() : null;
            var path = Client.Http.ApiTransport.Path(
                "api/v1/reservations/export.csv", ("from", inv.Get(from)), ("until", inv.Get(until)), ("resourceId", resourceId), ("userId", inv.Get(user)));
            await Exports.WriteAsync(inv, inv.Get(output), "Reservations", (stream, ct) => inv.Api.Transport.StreamAsync(path, stream, ct));
        });
    }

    private static async Task UploadAsync(Invocation inv, string path, bool preview)
    {
        if (!File.Exists(path))
        {
            throw CliException.Usage($"No such file: {path}");
        }

        var (status, body) = (0, "");
        try
        {
            await inv.Context.Error.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var task = progress.AddTask(preview ? $"Checking {Printer.E(Path.GetFileName(path))}" : $"Importing {Printer.E(Path.GetFileName(path))}").IsIndeterminate();
                await using var file = File.OpenRead(path);
                (status, body) = await inv.Api.Resources.ImportAsync(file, preview, inv.Ct);
                task.StopTask();
            });
        }
        catch (ApiProblemException refused) when (refused.Status == 422 && refused.Problem.Code == "csv_invalid")
        {
            ShowErrors(inv, JsonDocument.Parse(refused.Body).RootElement);
            throw;
        }

        if (!preview)
        {
            var done = JsonSerializer.Deserialize<ImportResult>(body, ApiJson.Options)!;
            inv.Print.Result(body, _ => { });
            inv.Print.Done($"Imported {Printer.E(path)}: {done.Created} created, {done.Updated} updated");
            return;
        }

        var answer = JsonDocument.Parse(body).RootElement;
        inv.Print.Result(body, console =>
        {
            console.MarkupLine($"{answer.GetProperty("rows").GetInt32()} rows: {answer.GetProperty("wouldCreate").GetInt32()} would be created, "
                + $"{answer.GetProperty("wouldUpdate").GetInt32()} updated");
        });
        if (answer.GetProperty("errors").GetArrayLength() > 0)
        {
            ShowErrors(inv, answer);
            throw CliException.Refused("csv_invalid", "The file has errors; nothing would be imported.");
        }
    }

    private static void ShowErrors(Invocation inv, JsonElement answer)
    {
        if (inv.Print.Json)
        {
            inv.Print.Raw(answer.GetRawText());
            return;
        }

        var table = Printer.Table("Problems in the file", "Row", "Column", "Problem");
        foreach (var error in answer.GetProperty("errors").EnumerateArray())
        {
            var row = error.GetProperty("row").GetInt32();
            table.AddRow(
                row == 0 ? "header" : row.ToString(CultureInfo.InvariantCulture),
                Printer.E(error.GetProperty("column").ValueKind == JsonValueKind.String ? error.GetProperty("column").GetString() : ""),
                Printer.E(error.GetProperty("message").GetString()));
        }

        inv.Context.Error.WriteTable(table);
    }

}
