using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Host.Application;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;

namespace ResourceReserver.Host.Apis;

/// <summary>The signed-in user's MFA (rules in <see cref="MfaService"/>). Answers carrying secrets are never cached.</summary>
public static class MfaApi
{
    /// <summary>Maps <c>/api/v1/users/me/mfa</c>.</summary>
    public static RouteGroupBuilder MapMfaApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/users/me/mfa").WithTags("MFA").RequireAuthorization().FirstPartyOnly().AddEndpointFilter<NoStore>();
        group.MapPost("/setup", async (HttpContext http, MfaService mfa) => (await mfa.SetupAsync(http.User.Actor())).ToOk()).WithName("SetupMfa");
        group.MapPost("/enable", async (MfaCodeRequest request, HttpContext http, MfaService mfa) =>
            (await mfa.EnableAsync(http.User.Actor(), request)).ToNoContent()).WithName("EnableMfa");
        group.MapPost("/disable", async (MfaDisableRequest request, HttpContext http, MfaService mfa) =>
            (await mfa.DisableAsync(http.User.Actor(), request)).ToNoContent()).WithName("DisableMfa");
        group.MapPost("/backup-codes", async (MfaCodeRequest request, HttpContext http, MfaService mfa) =>
            (await mfa.RegenerateBackupCodesAsync(http.User.Actor(), request)).ToOk()).WithName("RegenerateBackupCodes");
        return group;
    }
}
