namespace ResourceReserver.Users;

public sealed partial class UserGrain
{
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromHours(24);
    private const int MaxRememberedKeys = 10_000;

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
                return new DomainError(ErrorKind.Validation, "too_many_idempotency_keys", "Too many Idempotency-Keys in 24 hours.");
            }

            keys[key] = new KeyBinding(resourceId, now + KeyLifetime);
            return Outcome<Guid>.Ok(resourceId);
        });
        return outcome.IsSuccess ? outcome.Value : Guid.Empty;
    }
}
