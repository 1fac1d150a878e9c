using ResourceReserver.Host.Apis;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Hosting;
using ResourceReserver.Host.Problems;

var builder = WebApplication.CreateBuilder(args);
builder.AddShippedSettings();
builder.AddReserverProblems();
builder.AddReserverHttp();
builder.AddReserverStorage();
builder.AddReserverSilo();
builder.AddReserverAuth();
builder.AddReserverHealth();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseTrailingSlashTolerance();
app.UseAuthentication();
app.UseAuthorization();

app.MapReserverHealth();
app.MapReserverDocs();
app.MapAuthApi();
app.MapUsersApi();
app.MapResourcesApi();
app.MapReservationsApi();
app.MapGet("/", () => Results.Redirect("/docs")).ExcludeFromDescription();

app.Run();

/// <summary>Entry point; public so API tests can host it with WebApplicationFactory.</summary>
public partial class Program;
