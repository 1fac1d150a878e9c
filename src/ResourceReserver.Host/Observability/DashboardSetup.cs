using Orleans.Dashboard;
using ResourceReserver.Host.Auth;

namespace ResourceReserver.Host.Observability;

/// <summary>The Orleans dashboard (Microsoft.Orleans.Dashboard) at <c>/dashboard</c>, for administrators only.</summary>
public static class DashboardSetup
{
    /// <summary>The route the dashboard is served under.</summary>
    public const string Route = "/dashboard";

    /// <summary>Adds the dashboard's grains and collectors to the silo.</summary>
    public static ISiloBuilder AddReserverDashboard(this ISiloBuilder silo) => silo.AddDashboard();

    /// <summary>Maps the dashboard behind the admin policy.</summary>
    public static WebApplication MapReserverDashboard(this WebApplication app)
    {
        app.MapOrleansDashboard(Route).RequireAuthorization(AuthSetup.AdminPolicy);
        return app;
    }
}
