using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using ResourceReserver.Host.Auth;

namespace ResourceReserver.Host.ApiDocs;

/// <summary>
/// How the document says who may call what: a <c>bearer</c> scheme (a JWT from <c>POST /api/v1/auth/token</c>) and an
/// <c>oauth2</c> scheme with the token endpoint's flows, so the <c>/docs</c> page can sign in with a username and
/// password. Operations that need a signed-in caller name both (with the scope a client token needs); anonymous
/// ones name none.
/// </summary>
public sealed class SecuritySchemes : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    /// <summary>The HTTP bearer scheme's name.</summary>
    public const string Bearer = "bearer";

    /// <summary>The OAuth2 scheme's name.</summary>
    public const string OAuth2 = "oauth2";

    /// <summary>Where tokens come from.</summary>
    public const string TokenUrl = "/api/v1/auth/token";

    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from POST /api/v1/auth/token (valid 15 minutes), sent as `Authorization: Bearer <token>`.",
        };
        var scopes = new Dictionary<string, string>
        {
            [Scopes.Read] = "Read what the owner may read.",
            [Scopes.Write] = "Create and change what the owner may change.",
            [Scopes.Delete] = "Delete what the owner may delete.",
            [Scopes.Admin] = "Management endpoints, within the owner's permissions.",
            [Scopes.Profile] = "The owner's own profile.",
        };
        document.Components.SecuritySchemes[OAuth2] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "OAuth2 (RFC 6749) at POST /api/v1/auth/token. A person signs in with the password flow (no client id; "
                + "scopes do not limit a person's own sign-in); registered clients use client credentials or the authorization code with PKCE.",
            Flows = new OpenApiOAuthFlows
            {
                Password = new OpenApiOAuthFlow { TokenUrl = new Uri(TokenUrl, UriKind.Relative), RefreshUrl = new Uri(TokenUrl, UriKind.Relative), Scopes = scopes },
                ClientCredentials = new OpenApiOAuthFlow { TokenUrl = new Uri(TokenUrl, UriKind.Relative), Scopes = scopes },
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = new Uri("/api/v1/oauth/authorize", UriKind.Relative),
                    TokenUrl = new Uri(TokenUrl, UriKind.Relative),
                    RefreshUrl = new Uri(TokenUrl, UriKind.Relative),
                    Scopes = scopes,
                },
            },
        };
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (!NeedsSignIn(metadata))
        {
            // An empty requirement: anyone may call it.
            operation.Security = [new OpenApiSecurityRequirement()];
            return Task.CompletedTask;
        }

        var endpoint = new Endpoint(null, new EndpointMetadataCollection(metadata), null);
        var requirement = ScopeRules.RequirementOf(endpoint, context.Description.HttpMethod ?? "GET");
        List<string> scopes = requirement.Scope is { } scope ? [scope] : [];
        // OAuth2 first: the /docs page tries calls with the first scheme an operation names, and signs in through it.
        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OAuth2, context.Document)] = scopes },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] },
        ];
        return Task.CompletedTask;
    }

    /// <summary>True when the endpoint asks for a signed-in caller.</summary>
    public static bool NeedsSignIn(IEnumerable<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
}
