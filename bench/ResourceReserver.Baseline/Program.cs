using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using ResourceReserver.Client.Contracts;

// The conventional REST baseline (issue 10): the same POST /api/v1/reservations request and answers as the
// Resource Reserver host, the JWT validated the same way (issuer, audience, HS256 key, claims, clock skew), and one
// Npgsql INSERT per booking into a table whose exclusion constraint refuses overlaps: what a team would build
// without actors. POST /api/v1/resources creates a resource (admin); POST /bench/token mints a token for the load
// tool, which has no user store to sign in against. Configuration: ConnectionStrings:Postgres, ASPNETCORE_URLS.
const string Issuer = "resource-reserver";
const string Audience = "resource-reserver-api";
var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var key = new SymmetricSecurityKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
// The same pool settings as the host (PostgresConnection): no DISCARD ALL on every return to the pool, statements
// prepared automatically.
var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(builder.Configuration.GetConnectionString("Postgres")
    ?? throw new InvalidOperationException("ConnectionStrings:Postgres is required.")) { NoResetOnClose = true, MaxAutoPrepare = 64, MaxPoolSize = 20 }.ConnectionString);
builder.Services.AddSingleton(dataSource);
builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(o =>
{
    o.MapInboundClaims = false;
    o.TokenValidationParameters = new TokenValidationParameters
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKeyResolver = (_, _, _, _) => [key],
        NameClaimType = JwtRegisteredClaimNames.UniqueName,
        RoleClaimType = ClaimTypes.Role,
        ClockSkew = TimeSpan.FromSeconds(30),
    };
});
builder.Services.AddAuthorization();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new UtcInstant());
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
});

var app = builder.Build();
await using (var schema = dataSource.CreateCommand(
    """
    CREATE EXTENSION IF NOT EXISTS btree_gist;
    CREATE TABLE IF NOT EXISTS resources (id uuid PRIMARY KEY, name text NOT NULL UNIQUE, capacity int NOT NULL);
    CREATE TABLE IF NOT EXISTS reservations (
        id uuid PRIMARY KEY,
        resource_id uuid NOT NULL REFERENCES resources (id),
        user_id uuid NOT NULL,
        start_at timestamptz NOT NULL,
        end_at timestamptz NOT NULL,
        quantity int NOT NULL,
        title text NULL,
        notes text NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL,
        EXCLUDE USING gist (resource_id WITH =, tstzrange(start_at, end_at) WITH &&));
    """))
{
    await schema.ExecuteNonQueryAsync();
}

app.UseAuthentication();
app.UseAuthorization();
app.MapGet("/live", () => Results.Ok());
app.MapGet("/ready", () => Results.Ok());

app.MapPost("/bench/token", (string? role) =>
{
    var now = DateTime.UtcNow;
    var id = Guid.CreateVersion7();
    var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = Audience,
        Subject = new ClaimsIdentity(new Claim[]
        {
            new(JwtRegisteredClaimNames.Sub, id.ToString()), new(JwtRegisteredClaimNames.UniqueName, $"user-{id:N}"),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")), new(ClaimTypes.Role, role ?? "user"),
        }),
        IssuedAt = now,
        NotBefore = now,
        Expires = now.AddHours(2),
        SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
    });
    return Results.Ok(new { access_token = token, token_type = "Bearer" });
});

app.MapPost("/api/v1/resources", async (ResourceBody body) =>
{
    var id = Guid.CreateVersion7();
    await using var command = dataSource.CreateCommand("INSERT INTO resources (id, name, capacity) VALUES ($1, $2, $3)");
    command.Parameters.Add(new() { Value = id });
    command.Parameters.Add(new() { Value = body.Name ?? id.ToString() });
    command.Parameters.Add(new() { Value = body.Capacity ?? 1 });
    await command.ExecuteNonQueryAsync();
    return Results.Created($"/api/v1/resources/{id}", new { id, name = body.Name, capacity = body.Capacity ?? 1 });
}).RequireAuthorization(p => p.RequireRole("admin"));

app.MapPost("/api/v1/reservations", async (CreateReservationRequest request, HttpContext http) =>
{
    var errors = new Dictionary<string, string[]>();
    if (!Guid.TryParse(request.ResourceId, out var resourceId))
    {
        errors["resourceId"] = ["resourceId must be the id of a resource."];
    }

    if (request.Start is null || request.End is null || request.End <= request.Start)
    {
        errors["start"] = ["start and end are required, end after start (ISO 8601 with an offset)."];
    }

    if (request.Title?.Length > 200 || request.Notes?.Length > 4000 || request.Quantity is not (null or 1))
    {
        errors["quantity"] = ["quantity must be 1; title at most 200 and notes 4000 characters."];
    }

    if (errors.Count > 0)
    {
        return Problem(422, "validation_failed", "Some fields are invalid.", errors);
    }

    var userId = Guid.Parse(http.User.FindFirstValue(JwtRegisteredClaimNames.Sub)!);
    var (id, now) = (Guid.CreateVersion7(), DateTimeOffset.UtcNow);
    await using var command = dataSource.CreateCommand(
        """
        INSERT INTO reservations (id, resource_id, user_id, start_at, end_at, quantity, title, notes, status, created_at)
        VALUES ($1, $2, $3, $4, $5, 1, $6, $7, 'confirmed', $8) ON CONFLICT DO NOTHING
        """);
    foreach (var value in new object?[] { id, resourceId, userId, request.Start!.Value, request.End!.Value, request.Title, request.Notes, now })
    {
        command.Parameters.Add(new() { Value = value ?? DBNull.Value });
    }

    try
    {
        if (await command.ExecuteNonQueryAsync() == 0)
        {
            // The exclusion constraint refused an overlap: nothing was written.
            return Problem(409, "booking_conflict", "The requested time is already booked.", null);
        }
    }
    catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
    {
        return Problem(404, "resource_not_found", $"Resource {resourceId} does not exist.", null);
    }

    var view = new ReservationView(id, resourceId, userId, request.Start.Value.ToUniversalTime(), request.End.Value.ToUniversalTime(), 1,
        request.Title, request.Notes, "confirmed", now, now, null);
    return Results.Created($"/api/v1/reservations/{id}", view);
}).RequireAuthorization();

app.Run();

static IResult Problem(int status, string code, string detail, IDictionary<string, string[]>? errors) =>
    errors is null
        ? Results.Problem(detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code })
        : Results.ValidationProblem(errors, detail, statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });

/// <summary>The body of <c>POST /api/v1/resources</c> (the baseline keeps only what a booking needs).</summary>
internal sealed record ResourceBody(string? Name, int? Capacity);

/// <summary>Instants in UTC with a Z, as the Resource Reserver API writes them.</summary>
internal sealed class UtcInstant : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
