namespace ResourceReserver.Access;

public sealed partial class RoleDirectoryGrain
{
    /// <inheritdoc />
    public async Task<Outcome<UserProfile>> AssignRoleAsync(Guid userId, string role)
    {
        if (!RoleDefinition.IsBuiltIn(role) && !_state.State.CustomRoles.ContainsKey(role))
        {
            return RoleNotFound(role);
        }

        var user = GrainFactory.GetGrain<IUserGrain>(userId);
        if (await LiveProfileAsync(user) is not { } profile)
        {
            return UserNotFound();
        }

        var updated = profile.Roles.Contains(role) ? profile : await user.SetRolesAsync([.. profile.Roles, role]);
        if (updated.IsSuccess)
        {
            await NoteAsync(updated.Value!);
        }

        return updated;
    }

    /// <inheritdoc />
    public async Task<Outcome<UserProfile>> RemoveRoleAsync(Guid userId, string role)
    {
        var user = GrainFactory.GetGrain<IUserGrain>(userId);
        if (await LiveProfileAsync(user) is not { } profile)
        {
            return UserNotFound();
        }

        if (!profile.Roles.Contains(role))
        {
            return profile;
        }

        var remaining = profile.Roles.Where(r => r != role).ToList();
        return await ChangeAsync(userId, keepsAdmin: remaining.Contains(Roles.Admin) && profile.Status == UserStatus.Active, () => user.SetRolesAsync(remaining));
    }

    /// <inheritdoc />
    public async Task<Outcome<UserProfile>> SetStatusAsync(Guid userId, string status)
    {
        var user = GrainFactory.GetGrain<IUserGrain>(userId);
        if (await LiveProfileAsync(user) is not { } profile)
        {
            return UserNotFound();
        }

        return status == UserStatus.Active
            ? await ThenNoteAsync(await user.SetStatusAsync(status))
            : await ChangeAsync(userId, keepsAdmin: false, () => user.SetStatusAsync(status));
    }

    /// <inheritdoc />
    public async Task<Outcome<UserProfile>> EraseUserAsync(Guid userId)
    {
        var user = GrainFactory.GetGrain<IUserGrain>(userId);
        if (await LiveProfileAsync(user) is null)
        {
            return UserNotFound();
        }

        var erased = await ChangeAsync(userId, keepsAdmin: false, user.EraseAsync);
        if (erased.IsSuccess)
        {
            await ForgetMemberAsync(userId);
        }

        return erased;
    }

    /// <inheritdoc />
    public async Task NoteMemberAsync(Guid userId)
    {
        if (await LiveProfileAsync(GrainFactory.GetGrain<IUserGrain>(userId)) is { } profile)
        {
            await NoteAsync(profile);
        }
    }

    /// <summary>
    /// A change after which <paramref name="userId"/> is no longer an active administrator unless
    /// <paramref name="keepsAdmin"/>: refused when nobody else is; otherwise the admin is uncounted first, then changed.
    /// </summary>
    private async Task<Outcome<UserProfile>> ChangeAsync(Guid userId, bool keepsAdmin, Func<Task<Outcome<UserProfile>>> change)
    {
        if (!keepsAdmin && !_state.State.ActiveAdmins.Any(admin => admin != userId))
        {
            var profile = await GrainFactory.GetGrain<IUserGrain>(userId).GetProfileAsync();
            if (profile is { Status: UserStatus.Active } && profile.Roles.Contains(Roles.Admin))
            {
                return DomainError.Conflict(ProblemCode.LastAdmin, "This is the last active administrator; make someone else an administrator first.");
            }
        }

        if (!keepsAdmin && _state.State.ActiveAdmins.Contains(userId))
        {
            var uncounted = await _committer.CommitAsync(() => Outcome<bool>.Ok(_state.State.ActiveAdmins.Remove(userId)));
            if (!uncounted.IsSuccess)
            {
                return uncounted.Error!;
            }
        }

        return await ThenNoteAsync(await change());
    }

    private async Task<Outcome<UserProfile>> ThenNoteAsync(Outcome<UserProfile> changed)
    {
        if (changed.IsSuccess)
        {
            await NoteAsync(changed.Value!);
        }

        return changed;
    }

    /// <summary>Brings the admin set and custom-role members in line with a profile the user grain has stored.</summary>
    private async Task NoteAsync(UserProfile profile)
    {
        var isActiveAdmin = profile.Status == UserStatus.Active && profile.Roles.Contains(Roles.Admin);
        var customs = profile.Roles.Where(_state.State.CustomRoles.ContainsKey).ToList();
        var stale = _state.State.Members.Where(m => m.Value.Contains(profile.Id) && !customs.Contains(m.Key)).Select(m => m.Key).ToList();
        if (_state.State.ActiveAdmins.Contains(profile.Id) == isActiveAdmin && stale.Count == 0
            && customs.All(role => _state.State.Members.GetValueOrDefault(role)?.Contains(profile.Id) == true))
        {
            return;
        }

        await _committer.CommitAsync(() =>
        {
            if (isActiveAdmin)
            {
                _state.State.ActiveAdmins.Add(profile.Id);
            }
            else
            {
                _state.State.ActiveAdmins.Remove(profile.Id);
            }

            foreach (var role in stale)
            {
                _state.State.Members[role].Remove(profile.Id);
            }

            foreach (var role in customs)
            {
                if (!_state.State.Members.TryGetValue(role, out var members))
                {
                    _state.State.Members[role] = members = [];
                }

                members.Add(profile.Id);
            }

            return Outcome<bool>.Ok(true);
        });
    }

    private async Task ForgetMemberAsync(Guid userId)
    {
        if (_state.State.ActiveAdmins.Contains(userId) || _state.State.Members.Values.Any(m => m.Contains(userId)))
        {
            await _committer.CommitAsync(() =>
            {
                _state.State.ActiveAdmins.Remove(userId);
                foreach (var members in _state.State.Members.Values)
                {
                    members.Remove(userId);
                }

                return Outcome<bool>.Ok(true);
            });
        }
    }

    private static async Task<UserProfile?> LiveProfileAsync(IUserGrain user) =>
        await user.GetProfileAsync() is { Status: not UserStatus.Deleted } profile ? profile : null;

    private static DomainError UserNotFound() => DomainError.NotFound(ProblemCode.UserNotFound, "There is no such user.");
}
