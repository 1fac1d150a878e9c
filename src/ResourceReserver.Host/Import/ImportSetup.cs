namespace ResourceReserver.Host.Import;

/// <summary>Registers the CSV import and exports.</summary>
public static class ImportSetup
{
    /// <summary>Adds <see cref="ResourceImportService"/> and <see cref="CsvExports"/>.</summary>
    public static WebApplicationBuilder AddReserverCsv(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ResourceImportService>();
        builder.Services.AddSingleton<CsvExports>();
        return builder;
    }
}
