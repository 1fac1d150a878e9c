using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Application;

/// <summary>Guards shared by the application services.</summary>
internal static class Caller
{
    /// <summary>Null when the actor holds <paramref name="permission"/>, else the refusal.</summary>
    public static DomainError? Require(Actor actor, Permission permission) =>
        actor.Has(permission) ? null : DomainError.Forbidden($"This needs the permission {PermissionNames.NameOf(permission)}.");

    /// <summary>
    /// Null when the actor holds every permission in <paramref name="permissions"/>: nobody hands out, takes away or
    /// administers more power than they hold themselves.
    /// </summary>
    public static DomainError? RequireAll(Actor actor, Permission permissions) =>
        (actor.Permissions & permissions) == permissions
            ? null
            : DomainError.Forbidden($"This involves permissions you do not hold: {string.Join(", ", PermissionNames.Of(permissions & ~actor.Permissions))}.");
}
