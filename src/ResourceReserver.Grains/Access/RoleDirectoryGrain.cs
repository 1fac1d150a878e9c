using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using ResourceReserver.Audit;
using ResourceReserver.Outbox;

namespace ResourceReserver.Access;

/// <summary>
/// Decides every change of roles and account status, one at a time. It knows the active administrators, so it
/// refuses the change that would leave none (409 <c>last_admin</c>). Its bookkeeping only ever errs on the safe
/// side: an admin is counted only after the user grain took the role or was enabled, and stops counting before
/// the user grain loses it, so a failure in between never lets the last administrator go.
/// </summary>
public sealed partial class RoleDirectoryGrain : Grain, IRoleDirectoryGrain
{
    private readonly IPersistentState<RoleDirectoryState> _state;
    private readonly StateCommitter<RoleDirectoryState> _committer;
    private readonly TimeProvider _clock;

    /// <summary>Creates the grain with its state and the write discipline.</summary>
    public RoleDirectoryGrain(
        [PersistentState("role-directory")] IPersistentState<RoleDirectoryState> state,
        OutboxRelay relay,
        TimeProvider clock,
        ILogger<RoleDirectoryGrain> logger)
    {
        _state = state;
        _clock = clock;
        _committer = new StateCommitter<RoleDirectoryState>(this, state, relay, logger);
    }

    /// <inheritdoc />
    public Task<RoleCatalog> GetCatalogAsync() =>
        Task.FromResult(new RoleCatalog([.. RoleDefinition.BuiltIns, .. _state.State.CustomRoles.Values.OrderBy(r => r.Name, StringComparer.Ordinal)], _state.State.Version));

    /// <inheritdoc />
    public Task<Outcome<RoleDefinition>> CreateRoleAsync(string name, string? description, Permission permissions) =>
        _committer.CommitAsync<RoleDefinition>(() =>
        {
            if (CheckName(name) is { } invalid)
            {
                return invalid;
            }

            if (RoleDefinition.IsBuiltIn(name) || _state.State.CustomRoles.ContainsKey(name))
            {
                return DomainError.Conflict(ProblemCode.RoleExists, $"A role named '{name}' exists.");
            }

            var role = new RoleDefinition(name, description, permissions & Permission.All, false);
            _state.State.CustomRoles[name] = role;
            _state.State.Version++;
            Audit(AuditActions.RoleCreated, name, PermissionsText(role));
            return role;
        });

    /// <inheritdoc />
    public Task<Outcome<RoleDefinition>> UpdateRoleAsync(string name, string? description, Permission? permissions) =>
        _committer.CommitAsync<RoleDefinition>(() =>
        {
            if (RoleDefinition.IsBuiltIn(name))
            {
                return BuiltInRole(name);
            }

            if (!_state.State.CustomRoles.TryGetValue(name, out var role))
            {
                return RoleNotFound(name);
            }

            var updated = role with { Description = description ?? role.Description, Permissions = (permissions ?? role.Permissions) & Permission.All };
            _state.State.CustomRoles[name] = updated;
            _state.State.Version++;
            Audit(AuditActions.RoleUpdated, name, PermissionsText(updated));
            return updated;
        });

    /// <inheritdoc />
    public async Task<Outcome<bool>> DeleteRoleAsync(string name)
    {
        if (RoleDefinition.IsBuiltIn(name))
        {
            return BuiltInRole(name);
        }

        if (!_state.State.CustomRoles.ContainsKey(name))
        {
            return RoleNotFound(name);
        }

        // The role first stops granting anything, then leaves each member's profile.
        var members = _state.State.Members.GetValueOrDefault(name)?.ToList() ?? [];
        var removed = await _committer.CommitAsync(() =>
        {
            _state.State.CustomRoles.Remove(name);
            _state.State.Members.Remove(name);
            _state.State.Version++;
            Audit(AuditActions.RoleDeleted, name, $"{members.Count} member(s)");
            return Outcome<bool>.Ok(true);
        });
        if (!removed.IsSuccess)
        {
            return removed;
        }

        foreach (var member in members)
        {
            var user = GrainFactory.GetGrain<IUserGrain>(member);
            if (await user.GetProfileAsync() is { Status: not UserStatus.Deleted } profile && profile.Roles.Contains(name))
            {
                await user.SetRolesAsync(profile.Roles.Where(r => r != name).ToList());
            }
        }

        return true;
    }

    /// <summary>An audit entry about a role, written with the change it describes.</summary>
    private void Audit(string action, string role, string detail) =>
        _committer.Audit(action, _clock.GetUtcNow(), null, new AuditNote { EntityType = "role", EntityId = role, Detail = detail });

    private static string PermissionsText(RoleDefinition role) => $"permissions: {string.Join(", ", PermissionNames.Of(role.Permissions))}";

    private static DomainError? CheckName(string? name) =>
        name is not null && RoleNamePattern().IsMatch(name)
            ? null
            : Invalid("name", "Role names have 2 to 40 characters: lower-case letters, digits, '-' and '_', starting with a letter.");

    private static DomainError Invalid(string field, string message) =>
        new(ErrorKind.Validation, ProblemCode.ValidationFailed, message) { Errors = new Dictionary<string, string[]> { [field] = [message] } };

    private static DomainError BuiltInRole(string name) =>
        DomainError.Conflict(ProblemCode.BuiltinRole, $"'{name}' is a built-in role; built-in roles cannot be changed or deleted.");

    private static DomainError RoleNotFound(string name) => DomainError.NotFound(ProblemCode.RoleNotFound, $"There is no role named '{name}'.");

    [GeneratedRegex(@"^[a-z][a-z0-9_-]{1,39}\z")]
    private static partial Regex RoleNamePattern();
}
