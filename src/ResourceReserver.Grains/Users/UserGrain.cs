using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResourceReserver.Accounts;
using ResourceReserver.Audit;
using ResourceReserver.Events;
using ResourceReserver.Outbox;

namespace ResourceReserver.Users;

/// <summary>
/// One account. Password and MFA checks, lockout, sessions (refresh-token families), roles and status all change
/// here, one at a time. Role and status changes arrive through the role directory, which guards the last admin.
/// </summary>
public sealed partial class UserGrain : Grain, IUserGrain
{
    private static readonly TimeSpan LockoutWindow = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(7);
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(24);
    private const int MaxFailures = 5;
    private const int MaxRememberedKeys = 10_000;

    private readonly IPersistentState<UserState> _state;
    private readonly TimeProvider _clock;
    private readonly PasswordHashingOptions _hashing;
    private readonly StateCommitter<UserState> _committer;

    /// <summary>Creates the grain with its state and the write discipline.</summary>
    public UserGrain(
        [PersistentState("user")] IPersistentState<UserState> state,
        OutboxRelay relay,
        TimeProvider clock,
        IOptions<PasswordHashingOptions> hashing,
        ILogger<UserGrain> logger)
    {
        _state = state;
        _clock = clock;
        _hashing = hashing.Value;
        _committer = new StateCommitter<UserState>(this, state, relay, logger);
    }

    private Guid UserId => this.GetPrimaryKey();

    private DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>The profile of a live (not erased) account.</summary>
    private UserProfile? Live => _state.State.Profile is { Status: not UserStatus.Deleted } profile ? profile : null;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken) => _committer.DeliverOutboxAsync();

    /// <inheritdoc />
    public Task<UserProfile?> GetProfileAsync() => Task.FromResult(_state.State.Profile);

    /// <inheritdoc />
    public Task<Outcome<UserProfile>> RegisterAsync(string username, string password, string? email, IReadOnlyList<string> roles)
    {
        if (_state.State.Profile is not null)
        {
            return Task.FromResult<Outcome<UserProfile>>(DomainError.Conflict(ProblemCode.UserExists, "The account already exists."));
        }

        if (WeakPassword(password, username) is { } weak)
        {
            return Task.FromResult<Outcome<UserProfile>>(weak);
        }

        // Hashing is deliberately slow; do it before deciding so the decision itself stays cheap.
        var hash = HashPassword(password);
        return _committer.CommitAsync<UserProfile>(() =>
        {
            var profile = new UserProfile { Id = UserId, Username = username, Email = email, Roles = roles, CreatedAt = Now, Version = 1 };
            _state.State.Profile = profile;
            _state.State.PasswordHash = hash;
            Record(EventTypes.UserCreated, profile);
            return profile;
        });
    }

    /// <inheritdoc />
    public Task<Outcome<UserProfile>> UpdateProfileAsync(ProfilePatch patch) => Change(EventTypes.UserUpdated, current => current with
    {
        Email = patch.ClearEmail ? null : patch.Email ?? current.Email,
        Preferences = patch.Preferences ?? current.Preferences,
    });

    /// <inheritdoc />
    public Task<Outcome<UserProfile>> SetRolesAsync(IReadOnlyList<string> roles)
    {
        var sorted = roles.Distinct().Order(StringComparer.Ordinal).ToList();
        return Change(EventTypes.UserUpdated, current => current with { Roles = sorted },
            new AuditNote { Action = AuditActions.RolesChanged, Detail = $"roles: {string.Join(", ", sorted)}" });
    }

    /// <inheritdoc />
    public Task<Outcome<UserProfile>> SetStatusAsync(string status)
    {
        if (status is not (UserStatus.Active or UserStatus.Disabled))
        {
            return Task.FromResult<Outcome<UserProfile>>(DomainError.Invalid(ProblemCode.ValidationFailed, "status must be active or disabled."));
        }

        return Change(EventTypes.UserUpdated, current =>
        {
            _state.State.RefreshFamilies.Clear();
            _state.State.FailedSignIns.Clear();
            _state.State.LockedUntil = null;
            return current with { Status = status };
        }, new AuditNote { Action = status == UserStatus.Disabled ? AuditActions.UserDisabled : AuditActions.UserEnabled });
    }

    /// <inheritdoc />
    public Task<Outcome<UserProfile>> EraseAsync() => Change(EventTypes.UserDeleted, current =>
    {
        var state = _state.State;
        state.PasswordHash = null;
        state.RefreshFamilies.Clear();
        state.FailedSignIns.Clear();
        state.LockedUntil = null;
        state.IdempotencyKeys.Clear();
        state.Mfa.Clear();
        state.OAuthClients.Clear();
        return new UserProfile
        {
            Id = current.Id,
            Username = "deleted user",
            Status = UserStatus.Deleted,
            CreatedAt = current.CreatedAt,
            Version = current.Version,
        };
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> GetClientIdsAsync() => Task.FromResult<IReadOnlyList<string>>(_state.State.OAuthClients.ToList());

    /// <inheritdoc />
    public async Task SetClientOwnedAsync(string clientId, bool owned)
    {
        if (Live is null || _state.State.OAuthClients.Contains(clientId) == owned)
        {
            return;
        }

        await _committer.CommitAsync(() =>
        {
            if (owned)
            {
                _state.State.OAuthClients.Add(clientId);
            }
            else
            {
                _state.State.OAuthClients.Remove(clientId);
            }

            return Outcome<bool>.Ok(true);
        });
    }

    /// <inheritdoc />
    public async Task<Guid> BindIdempotencyKeyAsync(string key, Guid resourceId)
    {
        var now = Now;
        if (_state.State.IdempotencyKeys.TryGetValue(key, out var binding) && binding.ExpiresAt > now)
        {
            return binding.ResourceId;
        }

        var outcome = await _committer.CommitAsync(() =>
        {
            var keys = _state.State.IdempotencyKeys;
            foreach (var stale in keys.Where(k => k.Value.ExpiresAt <= now).Select(k => k.Key).ToList())
            {
                keys.Remove(stale);
            }

            if (keys.Count >= MaxRememberedKeys)
            {
                return new DomainError(ErrorKind.Validation, ProblemCode.TooManyIdempotencyKeys, "Too many Idempotency-Keys in 24 hours.");
            }

            keys[key] = new KeyBinding(resourceId, now + KeyLifetime);
            return Outcome<Guid>.Ok(resourceId);
        });
        return outcome.IsSuccess ? outcome.Value : Guid.Empty;
    }

    /// <summary>Applies a change to a live profile, bumps its version and records the event, in one write.</summary>
    private Task<Outcome<UserProfile>> Change(string eventType, Func<UserProfile, UserProfile> change, AuditNote? note = null) => _committer.CommitAsync<UserProfile>(() =>
    {
        if (Live is not { } current)
        {
            return UserNotFound();
        }

        var updated = change(current) with { Version = current.Version + 1 };
        _state.State.Profile = updated;
        Record(eventType, updated, note);
        return updated;
    });

    private string HashPassword(string password) =>
        // Enhanced = SHA-384 before BCrypt, so passwords longer than BCrypt's 72-byte limit count in full.
        BCrypt.Net.BCrypt.EnhancedHashPassword(password, _hashing.WorkFactor);

    private static DomainError? WeakPassword(string password, string username) =>
        PasswordPolicy.Check(password, username) is { Count: > 0 } problems
            ? new DomainError(ErrorKind.Validation, ProblemCode.WeakPassword, "The password does not meet the policy.")
            {
                Errors = new Dictionary<string, string[]> { ["password"] = problems.ToArray() },
            }
            : null;

    private static DomainError UserNotFound() => DomainError.NotFound(ProblemCode.UserNotFound, "The account does not exist.");

    private void Record(string type, UserProfile profile, AuditNote? note = null) =>
        _committer.Record(new DomainEvent { Type = type, OccurredAt = Now, ActorId = UserId, User = profile, Audit = note });

    /// <summary>An audit entry about this account, written with the change it describes.</summary>
    private void Audit(string action, string? detail = null) =>
        _committer.Audit(action, Now, UserId, new AuditNote { Detail = detail }, _state.State.Profile);
}
