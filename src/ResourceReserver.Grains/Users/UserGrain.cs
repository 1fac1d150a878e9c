using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ResourceReserver.Accounts;
using ResourceReserver.Events;
using ResourceReserver.Outbox;

namespace ResourceReserver.Users;

/// <summary>One account. Password checks, lockout and refresh-token rotation all happen here, one at a time.</summary>
public sealed partial class UserGrain : Grain, IUserGrain
{
    private static readonly TimeSpan LockoutWindow = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan RefreshLifetime = TimeSpan.FromDays(7);
    private const int MaxFailures = 5;

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

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken) => _committer.DeliverOutboxAsync();

    /// <inheritdoc />
    public Task<UserProfile?> GetProfileAsync() => Task.FromResult(_state.State.Profile);

    /// <inheritdoc />
    public Task<Outcome<UserProfile>> RegisterAsync(string username, string password, string? email, IReadOnlyList<string> roles)
    {
        if (_state.State.Profile is not null)
        {
            return Task.FromResult<Outcome<UserProfile>>(DomainError.Conflict("user_exists", "The account already exists."));
        }

        var problems = PasswordPolicy.Check(password, username);
        if (problems.Count > 0)
        {
            return Task.FromResult<Outcome<UserProfile>>(new DomainError(ErrorKind.Validation, "weak_password", "The password does not meet the policy.")
            {
                Errors = new Dictionary<string, string[]> { ["password"] = problems.ToArray() },
            });
        }

        // Hashing is deliberately slow; do it before deciding so the decision itself stays cheap.
        // Enhanced = SHA-384 before BCrypt, so passwords longer than BCrypt's 72-byte limit count in full.
        var hash = BCrypt.Net.BCrypt.EnhancedHashPassword(password, _hashing.WorkFactor);
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
    public Task<Outcome<UserProfile>> UpdateProfileAsync(ProfilePatch patch) => _committer.CommitAsync<UserProfile>(() =>
    {
        if (_state.State.Profile is not { } current)
        {
            return DomainError.NotFound("user_not_found", "The account does not exist.");
        }

        var updated = current with
        {
            Email = patch.ClearEmail ? null : patch.Email ?? current.Email,
            Preferences = patch.Preferences ?? current.Preferences,
            Version = current.Version + 1,
        };
        _state.State.Profile = updated;
        Record(EventTypes.UserUpdated, updated);
        return updated;
    });

    private void Record(string type, UserProfile profile) =>
        _committer.Record(new DomainEvent { Type = type, OccurredAt = Now, ActorId = UserId, User = profile });
}
