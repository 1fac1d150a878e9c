using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace ResourceReserver.Host.Hosting;

/// <summary>Finds the shipped appsettings.json when the host runs from another directory (the repo root).</summary>
public static class DefaultSettings
{
    /// <summary>
    /// Adds the appsettings.json next to the binaries as the lowest-priority source when the content root has
    /// none, so environment variables and arguments still override it.
    /// </summary>
    public static WebApplicationBuilder AddShippedSettings(this WebApplicationBuilder builder)
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (!File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")) && File.Exists(shipped))
        {
            builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
            {
                Path = "appsettings.json",
                Optional = true,
                FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            });
        }

        return builder;
    }
}
