using Quickenshtein;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Application;
using ResourceReserver.Infrastructure.Organisation;

namespace ResourceReserver.Host.Organisation;

/// <summary>
/// Search-box suggestions over resource names, tags, groups and labels: prefix matches straight from the database
/// (so a new name is suggested at once), then near misses (one typo in up to five letters, two beyond) from a copy of
/// every term that is refreshed in the background at most every <see cref="TermsMaxAge"/>.
/// </summary>
public sealed class SuggestionService(SuggestionTerms terms, TimeProvider clock)
{
    /// <summary>How many suggestions one answer holds.</summary>
    public const int MaxSuggestions = 10;

    private const int MaxQueryLength = 100, TypoMinLength = 3;
    private static readonly TimeSpan TermsMaxAge = TimeSpan.FromSeconds(15);
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private (IReadOnlyList<(SuggestionTerm Term, string[] Words)> Terms, DateTimeOffset At)? _cache;

    /// <summary>Up to ten suggestions for <paramref name="q"/>, prefix matches first.</summary>
    public async Task<Outcome<IReadOnlyList<SuggestionView>>> SuggestAsync(string? q, CancellationToken ct = default)
    {
        var text = q?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(text) || text.Length > MaxQueryLength)
        {
            return Refusal.Invalid("q", $"q is 1 to {MaxQueryLength} characters.");
        }

        var found = (await terms.StartingWithAsync(text, MaxSuggestions, ct))
            .OrderBy(t => t.Text.Length).ThenBy(t => t.Text, StringComparer.OrdinalIgnoreCase).Take(MaxSuggestions).ToList();
        if (found.Count < MaxSuggestions && text.Length >= TypoMinLength)
        {
            var seen = found.Select(t => (t.Kind, t.Text)).ToHashSet();
            var allowed = text.Length <= 5 ? 1 : 2;
            found.AddRange((await CachedTermsAsync(ct))
                .Select(t => (t.Term, Distance: Distance(text, t.Words, allowed)))
                .Where(t => t.Distance <= allowed && !seen.Contains((t.Term.Kind, t.Term.Text)))
                .OrderBy(t => t.Distance).ThenBy(t => t.Term.Text.Length).ThenBy(t => t.Term.Text, StringComparer.OrdinalIgnoreCase)
                .Take(MaxSuggestions - found.Count).Select(t => t.Term));
        }

        return found.Select(t => new SuggestionView(t.Kind, t.Text, t.Id)).ToList();
    }

    // The smallest distance from the query to the start of any word (a prefix one letter shorter or longer included,
    // so a missing or extra letter counts as one typo).
    private static int Distance(string query, string[] words, int allowed)
    {
        var best = int.MaxValue;
        foreach (var word in words)
        {
            for (var length = query.Length - 1; length <= query.Length + 1; length++)
            {
                if (length < 1 || length > word.Length || Math.Abs(length - query.Length) > allowed)
                {
                    continue;
                }

                best = Math.Min(best, Levenshtein.GetDistance(query, word[..length]));
            }
        }

        return best;
    }

    private async Task<IReadOnlyList<(SuggestionTerm Term, string[] Words)>> CachedTermsAsync(CancellationToken ct)
    {
        if (_cache is { } cached && clock.GetUtcNow() - cached.At < TermsMaxAge)
        {
            return cached.Terms;
        }

        await _refresh.WaitAsync(ct);
        try
        {
            if (_cache is { } fresh && clock.GetUtcNow() - fresh.At < TermsMaxAge)
            {
                return fresh.Terms;
            }

            var loaded = (await terms.AllAsync(ct))
                .Select(t => (t, new[] { t.Text.ToLowerInvariant() }.Concat(t.Text.ToLowerInvariant().Split([' ', '-', ':', '/'], StringSplitOptions.RemoveEmptyEntries)).Distinct().ToArray()))
                .ToList();
            _cache = (loaded, clock.GetUtcNow());
            return loaded;
        }
        finally
        {
            _refresh.Release();
        }
    }
}
