using ResourceReserver.Host.Apis;
using ResourceReserver.Host.Application;
using ResourceReserver.Host.Audit;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Hosting;
using ResourceReserver.Host.Import;
using ResourceReserver.Host.Live;
using ResourceReserver.Host.Notifications;
using ResourceReserver.Host.Observability;
using ResourceReserver.Host.Organisation;
using ResourceReserver.Host.Problems;
using ResourceReserver.Host.RateLimits;
using ResourceReserver.Host.Web;

// `admin grant|reset-password <username>`: an operator's recovery command instead of the service (see OperatorCommand).
var command = OperatorCommand.Parse(args);
var builder = WebApplication.CreateBuilder(command?.ConfigurationArgs ?? args);
builder.AddShippedSettings();
command?.Prepare(builder);
builder.AddReserverProblems();
builder.AddReserverHttp();
builder.AddReserverStorage();
builder.AddReserverSilo();
builder.AddReserverAudit();
builder.AddReserverAuth();
builder.AddReserverHealth();
builder.AddReserverLive();
builder.AddReserverIntegrations();
builder.AddReserverMetrics();
builder.AddReserverApplication();
builder.AddReserverCsv();
builder.AddReserverRateLimits();
builder.AddReserverWeb();

var app = builder.Build();
app.UseSecurityHeaders();
app.UseApiConventions();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseTrailingSlashTolerance();
app.UseRateLimits();
app.UseMiddleware<RequestGuard>();
app.UseReadableJsonBodies();
app.UseAuthentication();
app.UseAuditOrigin();
app.UseScopeEnforcement();
app.UseAuthorization();
app.UseReserverWeb();

app.MapReserverHealth();
app.MapReserverMetrics();
app.MapReserverDashboard();
app.MapReserverDocs();
app.MapAuthApi();
app.MapUsersApi();
app.MapUserAdminApi();
app.MapRolesApi();
app.MapMfaApi();
app.MapOAuthApi();
app.MapResourcesApi();
app.MapCsvApi();
app.MapOrganisationApis();
app.MapReservationsApi();
app.MapHoldsApi();
app.MapApprovalsApi();
app.MapWaitlistApi();
app.MapCalendarApi();
app.MapNotificationsApi();
app.MapWebhooksApi();
app.MapAuditApi();
app.MapAnalyticsApi();
app.MapReserverLive();
app.MapReserverWeb();

if (command is not null)
{
    return await command.RunAsync(app);
}

app.Run();
return 0;

/// <summary>Entry point; public so API tests can host it with WebApplicationFactory.</summary>
public partial class Program;
