using ResourceReserver.Events;
using ResourceReserver.Outbox;

namespace ResourceReserver.Access;

/// <summary>The persisted custom roles, their members and the active administrators.</summary>
[GenerateSerializer, Alias("rr.RoleDirectoryState")]
public sealed class RoleDirectoryState : IHasOutbox
{
    /// <summary>Custom roles by name.</summary>
    [Id(0)] public Dictionary<string, RoleDefinition> CustomRoles { get; set; } = [];

    /// <summary>Custom role name → the users holding it (so deleting a role can take it from them).</summary>
    [Id(1)] public Dictionary<string, HashSet<Guid>> Members { get; set; } = [];

    /// <summary>Users holding the admin role whose account is active.</summary>
    [Id(2)] public HashSet<Guid> ActiveAdmins { get; set; } = [];

    /// <summary>Bumped by every change of a role definition.</summary>
    [Id(3)] public long Version { get; set; }

    [Id(4)] public List<DomainEvent> Outbox { get; set; } = [];
}
