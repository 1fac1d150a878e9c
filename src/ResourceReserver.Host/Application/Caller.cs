using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Application;

/// <summary>Guards shared by the application services.</summary>
internal static class Caller
{
    /// <summary>Null when the actor is an administrator, else the refusal.</summary>
    public static DomainError? RequireAdmin(Actor actor) => actor.IsAdmin ? null : Refusal.AdminOnly();
}
