using ResourceReserver.Contracts;

namespace ResourceReserver.ApiTests.Matrix;

/// <summary>Who the matrix acts as.</summary>
public enum Who
{
    Anonymous,
    Guest,
    Owner,
    Other,
    Premium,
    Custom,
    Admin,
    ClientWithScope,
    ClientWithoutScope,
}

/// <summary>What a rule decides on: who it is and what it may do.</summary>
/// <param name="Who">The principal.</param>
/// <param name="Permissions">Its permissions for the endpoint at hand (a client's narrowed by its scopes).</param>
public sealed record Principal(Who Who, Permission Permissions)
{
    /// <summary>A person or a client acting for someone.</summary>
    public bool SignedIn => Who != Who.Anonymous;

    /// <summary>An OAuth2 client's token.</summary>
    public bool IsClient => Who is Who.ClientWithScope or Who.ClientWithoutScope;

    /// <summary>Principals that hold nothing of the owner's and must never see the owner's data.</summary>
    public bool Outsider => Who is Who.Anonymous or Who.Guest or Who.Other or Who.Premium or Who.Custom or Who.ClientWithoutScope;

    /// <summary>The permissions each person holds through their roles (the custom role is resources.manage only).</summary>
    public static Permission PermissionsOf(Who who) => who switch
    {
        Who.Owner or Who.Other or Who.Premium => Permission.ReservationsBook,
        Who.Custom => Permission.ResourcesManage,
        Who.Admin => Permission.All,
        _ => Permission.None,
    };
}
