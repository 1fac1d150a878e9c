using System.Net.Http.Json;

namespace ResourceReserver.ApiTests.Matrix;

/// <summary>
/// One endpoint of the route table: who may call it (<see cref="Rule"/>), the status of an authorized call, the scope an
/// OAuth2 client needs (<see cref="Any"/>: none, <see cref="FirstParty"/>: no client may), and how to build a call of
/// it for a principal (arranging a fresh target when the call changes or deletes it).
/// </summary>
public sealed record MatrixEntry(
    string Method,
    string Pattern,
    MatrixRule Rule,
    int Authorized,
    string Scope,
    Func<MatrixWorld, Who, Task<string>> Url,
    Func<MatrixWorld, Who, Task<object?>>? Body = null)
{
    /// <summary>Client tokens may call it whatever their scopes (it authenticates clients itself).</summary>
    public const string Any = "any";

    /// <summary>Only a person's own sign-in may call it.</summary>
    public const string FirstParty = "first-party";

    /// <summary>The answer is the owner's data by design (a secret-URL feed): exempt from the marker check.</summary>
    public bool ExposesOwnerData { get; init; }

    /// <summary>Calls that end the caller's sessions run as a fresh twin of the principal.</summary>
    public bool AsTwin { get; init; }

    /// <summary>The route table's key of this entry.</summary>
    public string Key => $"{Method} {Pattern}";

    /// <summary>The request for <paramref name="who"/> (its Authorization header is added by the runner).</summary>
    public async Task<HttpRequestMessage> BuildAsync(MatrixWorld world, Who who)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), await Url(world, who));
        var body = Body is null ? null : await Body(world, who);
        request.Content = body switch
        {
            null => null,
            HttpContent content => content,
            _ => JsonContent.Create(body, body.GetType()),
        };
        return request;
    }
}
