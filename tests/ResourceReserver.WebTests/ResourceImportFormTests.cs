using System.Globalization;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Components.Admin;
using ResourceReserver.Host.Import;

namespace ResourceReserver.WebTests;

/// <summary>The CSV import form: a preview with a bad row lists that row and keeps "Import" disabled; a clean preview
/// enables it and the result is shown. The preview is the real planner, against no existing resources.</summary>
public sealed class ResourceImportFormTests : BunitContext
{
    private const string BadFile = "name,capacity,timeZone\nRoom A,4,Europe/Paris\nRoom B,lots,Europe/Paris\n";
    private const string GoodFile = "name,capacity,timeZone\nRoom A,4,Europe/Paris\nRoom B,6,Europe/Paris\n";
    private int _imports;

    public ResourceImportFormTests()
    {
        Services.AddLocalization();
        JSInterop.Mode = JSRuntimeMode.Loose;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    [Fact]
    public void A_preview_with_a_bad_row_shows_that_row_and_import_stays_disabled()
    {
        var form = RenderForm();
        Assert.True(Button(form, "Preview").HasAttribute("disabled"));

        Upload(form, BadFile);
        Button(form, "Preview").Click();

        form.WaitForAssertion(() => Assert.Contains("Rows: 2 · would create: 1 · would update: 0", form.Find("[data-testid=import-summary]").TextContent));
        var cells = form.FindAll("table[aria-label='Problems in the file'] tbody tr").Single().QuerySelectorAll("td").Select(c => c.TextContent).ToList();
        Assert.Equal("2", cells[0]);
        Assert.Equal("capacity", cells[1]);
        Assert.Contains("lots", cells[2]);
        Assert.True(Button(form, "Import").HasAttribute("disabled"));
        Assert.Equal(0, _imports);
    }

    [Fact]
    public void A_clean_preview_enables_import_and_the_result_is_shown()
    {
        var form = RenderForm();
        Upload(form, GoodFile);
        Button(form, "Preview").Click();
        form.WaitForAssertion(() => Assert.Contains("No problems found", form.Markup));
        Assert.Empty(form.FindAll("table"));

        Button(form, "Import").Click();
        form.WaitForAssertion(() => Assert.Contains("Imported: 2 created, 0 updated", form.Markup));
        Assert.Equal(1, _imports);
        Assert.True(Button(form, "Import").HasAttribute("disabled"));
    }

    private IRenderedComponent<ResourceImportForm> RenderForm() => Render<ResourceImportForm>(p => p
        .Add(c => c.Preview, async content => (await PlanAsync(content)).ToPreview())
        .Add(c => c.Import, async content =>
        {
            _imports++;
            var plan = await PlanAsync(content);
            return new ImportAnswer(Done: new ImportResult(plan.Creates.Count, plan.Updates.Count));
        }));

    private static async Task<ImportPlan> PlanAsync(Stream content) =>
        ImportPlanner.Plan(await ResourceCsv.ReadAsync(content, CancellationToken.None), new Dictionary<string, ResourceSnapshot>(), new GroupPaths([]));

    private static void Upload(IRenderedComponent<ResourceImportForm> form, string csv) =>
        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(csv, "resources.csv", contentType: "text/csv"));

    private static IElement Button(IRenderedComponent<ResourceImportForm> form, string name) =>
        form.FindAll("button").Single(b => b.TextContent.Trim() == name);
}
