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
    private (TermIndex Index, DateTimeOffset At)? _cache;

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
            found.AddRange(NearMisses(await CachedTermsAsync(ct), text, allowed)
                .Where(t => !seen.Contains((t.Term.Kind, t.Term.Text)))
                .OrderBy(t => t.Distance).ThenBy(t => t.Term.Text.Length).ThenBy(t => t.Term.Text, StringComparer.OrdinalIgnoreCase)
                .Take(MaxSuggestions - found.Count).Select(t => t.Term));
        }

        return found.Select(t => new SuggestionView(t.Kind, t.Text, t.Id)).ToList();
    }

    // Each distinct word is measured once (names share most words), against its start one letter shorter, as long, and
    // one letter longer than the query, so a missing or extra letter counts as one typo; a term takes its best word.
    private static IEnumerable<(SuggestionTerm Term, int Distance)> NearMisses(TermIndex index, string query, int allowed)
    {
        var best = new Dictionary<int, int>();
        foreach (var (word, termIds) in index.Words)
        {
            var distance = int.MaxValue;
            for (var length = Math.Max(1, query.Length - 1); length <= Math.Min(word.Length, query.Length + 1); length++)
            {
                distance = Math.Min(distance, Levenshtein.GetDistance(query, word[..length]));
            }

            if (distance <= allowed)
            {
                foreach (var id in termIds)
                {
                    best[id] = Math.Min(best.GetValueOrDefault(id, int.MaxValue), distance);
                }
            }
        }

        return best.Select(b => (index.Terms[b.Key], b.Value));
    }

    private async Task<TermIndex> CachedTermsAsync(CancellationToken ct)
    {
        if (_cache is { } cached && clock.GetUtcNow() - cached.At < TermsMaxAge)
        {
            return cached.Index;
        }

        await _refresh.WaitAsync(ct);
        try
        {
            if (_cache is { } fresh && clock.GetUtcNow() - fresh.At < TermsMaxAge)
            {
                return fresh.Index;
            }

            var loaded = TermIndex.Of(await terms.AllAsync(ct));
            _cache = (loaded, clock.GetUtcNow());
            return loaded;
        }
        finally
        {
            _refresh.Release();
        }
    }

    // Every term, and each lower-case word (the whole text included) with the terms it occurs in.
    private sealed record TermIndex(IReadOnlyList<SuggestionTerm> Terms, IReadOnlyList<(string Word, int[] TermIds)> Words)
    {
        public static TermIndex Of(IReadOnlyList<SuggestionTerm> terms)
        {
            var words = new Dictionary<string, List<int>>();
            for (var i = 0; i < terms.Count; i++)
            {
                var text = terms[i].Text.ToLowerInvariant();
                foreach (var word in text.Split([' ', '-', ':', '/'], StringSplitOptions.RemoveEmptyEntries).Append(text).Distinct())
                {
                    if (!words.TryGetValue(word, out var ids))
                    {
                        words[word] = ids = [];
                    }

                    ids.Add(i);
                }
            }

            return new TermIndex(terms, words.Select(w => (w.Key, w.Value.ToArray())).ToList());
        }
    }
}
