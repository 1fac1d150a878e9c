using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ResourceReserver.ApiTests.Fixtures;
using ResourceReserver.Contracts;

namespace ResourceReserver.ApiTests.Matrix;

/// <summary>A host of its own: the matrix makes admins, deletes users and signs people out.</summary>
public sealed class MatrixFixture : ApiFixture;

[CollectionDefinition(Name)]
public sealed class MatrixCollection : ICollectionFixture<MatrixFixture>
{
    public const string Name = "authorization-matrix";
}

/// <summary>
/// Every endpoint of the running app's route table × {anonymous, guest, owner, other user, premium, custom role, admin,
/// OAuth2 client with and without the scope the endpoint needs} → the status the contract gives, and no answer to an
/// outsider carries the owner's data. A route without a matrix entry fails the first test.
/// </summary>
[Collection(MatrixCollection.Name)]
public sealed class AuthorizationMatrixTests(MatrixFixture api)
{
    private static readonly string[] AllScopes = ["read", "write", "delete", "admin", "user:profile"];

    [Fact]
    public void Every_api_route_has_a_matrix_entry_and_every_entry_a_route()
    {
        var routes = api.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();
        var entries = MatrixEntries.All.Select(e => e.Key).ToList();

        Assert.True(entries.Count == entries.Distinct().Count(), "duplicate entries: " + string.Join(", ", entries.GroupBy(e => e).Where(g => g.Count() > 1).Select(g => g.Key)));
        Assert.True(routes.Except(entries).ToList() is [], "routes without a matrix entry:\n" + string.Join('\n', routes.Except(entries).Order()));
        Assert.True(entries.Except(routes).ToList() is [], "entries without a route:\n" + string.Join('\n', entries.Except(routes).Order()));
    }

    [Fact]
    public async Task Every_endpoint_answers_every_principal_as_the_contract_says_and_leaks_nothing()
    {
        var world = await MatrixWorld.CreateAsync(api);
        var http = api.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var failures = new List<string>();
        var calls = 0;
        foreach (var entry in MatrixEntries.All)
        {
            foreach (var who in Enum.GetValues<Who>())
            {
                var (scopes, principal) = Principal(entry, who);
                var expected = Expected(entry, principal);
                using var request = await entry.BuildAsync(world, who);
                request.Headers.Authorization = entry.AsTwin && !principal.IsClient && principal.SignedIn
                    ? await world.TwinAsync(who)
                    : await world.AuthorizationAsync(who, scopes);
                using var response = await http.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                calls++;

                var status = (int)response.StatusCode;
                if (status != expected)
                {
                    failures.Add($"{entry.Key} as {who}: expected {expected}, got {status} {body[..Math.Min(160, body.Length)]}");
                }
                else if (principal.IsClient && status == 403 && !body.Contains("\"insufficient_scope\"", StringComparison.Ordinal)
                    && (who == Who.ClientWithoutScope || entry.Scope == MatrixEntry.FirstParty))
                {
                    failures.Add($"{entry.Key} as {who}: a 403 without the code insufficient_scope: {body}");
                }

                if (principal.Outsider && !entry.ExposesOwnerData && body.Contains(world.Marker, StringComparison.Ordinal))
                {
                    failures.Add($"{entry.Key} as {who}: the answer carries the owner's data");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls:\n" + string.Join('\n', failures));
        Assert.Equal(MatrixEntries.All.Count * Enum.GetValues<Who>().Length, calls);
    }

    /// <summary>The scopes a principal's token carries for an entry, and what it may do with them.</summary>
    private static (string Scopes, Principal Principal) Principal(MatrixEntry entry, Who who)
    {
        // The first scope of an entry is the one the endpoint needs; the rest only widen what the client may do.
        var needed = entry.Scope is MatrixEntry.Any or MatrixEntry.FirstParty ? ["read"] : entry.Scope.Split(' ');
        var without = AllScopes.Where(s => s != needed[0]).ToArray();
        return who switch
        {
            Who.ClientWithScope => (string.Join(' ', needed), new Principal(who, Permission.All & Reach(needed))),
            Who.ClientWithoutScope when entry.Scope == MatrixEntry.Any => ("read", new Principal(who, Permission.None)),
            Who.ClientWithoutScope => (string.Join(' ', without), new Principal(who, Permission.All & Reach(without))),
            _ => ("", new Principal(who, Matrix.Principal.PermissionsOf(who))),
        };
    }

    /// <summary>The expected status: clients first meet the scope check, then everyone the endpoint's rule.</summary>
    private static int Expected(MatrixEntry entry, Principal principal) => principal.Who switch
    {
        Who.ClientWithoutScope when entry.Scope != MatrixEntry.Any => 403,
        Who.ClientWithScope when entry.Scope == MatrixEntry.FirstParty => 403,
        _ => entry.Rule.Expect(principal, entry.Authorized),
    };

    /// <summary>What scopes reach, as API.md says: write books, admin reaches the management permissions.</summary>
    private static Permission Reach(params string[] scopes) =>
        (scopes.Contains("write") ? Permission.ReservationsBook : Permission.None)
        | (scopes.Contains("admin") ? Permission.All & ~Permission.ReservationsBook : Permission.None);
}
