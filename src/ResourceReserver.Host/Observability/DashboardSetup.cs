using Orleans.Dashboard;
using ResourceReserver.Contracts;
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
        app.MapOrleansDashboard(Route).RequireAuthorization(AuthSetup.AdminPolicy).AddEndpointFilter(RefuseUnknownSiloAddress);
        return app;
    }

    /// <summary>
    /// The dashboard's silo routes (<c>SiloStats/{address}</c>, <c>HistoricalStats/{path}</c>...) parse their value
    /// as a silo address and throw on anything else; refuse those values with a 400 before they get there.
    /// </summary>
    private static async ValueTask<object?> RefuseUnknownSiloAddress(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var values = context.HttpContext.Request.RouteValues;
        var address = (values.TryGetValue("address", out var a) ? a : values.TryGetValue("path", out var p) ? p : null) as string;
        if (address is not null && !IsSiloAddress(address))
        {
            return Problems.Problem.Of(StatusCodes.Status400BadRequest, ProblemCode.InvalidSiloAddress, "The route value is not a silo address such as 10.0.0.5:11111@123456789.");
        }

        return await next(context);
    }

    private static bool IsSiloAddress(string value)
    {
        try
        {
            _ = SiloAddress.FromParsableString(value);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            return false;
        }
    }
}
