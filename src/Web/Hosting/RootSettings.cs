using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Governance.Web.Hosting;

internal static class RootSettings
{
    /// <summary>
    /// appsettings.json lives at the repository root and is copied next to the app; read it from
    /// there, keeping its place among the configuration sources (before environment and command line).
    /// </summary>
    public static WebApplicationBuilder UseRootSettings(this WebApplicationBuilder builder)
    {
        var sources = builder.Configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource { Path: "appsettings.json" } json
                && !File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")))
            {
                sources[i] = new JsonConfigurationSource
                {
                    Path = "appsettings.json",
                    Optional = false,
                    ReloadOnChange = json.ReloadOnChange,
                    FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
                };
            }
        }

        return builder;
    }
}
