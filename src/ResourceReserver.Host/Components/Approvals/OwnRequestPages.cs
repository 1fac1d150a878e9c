using ResourceReserver.Contracts;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Components.Approvals;

/// <summary>
/// A requester's own approval requests that are not (yet) confirmed: waiting, rejected, or expired undecided, waiting
/// ones first, then by start. <c>GET /reservations</c> filters by one status, so each status is its own cursor-paged
/// list and <see cref="MoreAsync"/> reads the next page of every list that has one.
/// </summary>
public sealed class OwnRequestPages(Func<string, string?, Task<Outcome<Page<Reservation>>>> fetch, int pageSize = 20)
{
    private static readonly string[] Statuses = ["pending_approval", "rejected", "expired"];
    private readonly Dictionary<string, string?> _cursors = [];
    private readonly List<Reservation> _items = [];

    /// <summary>The page size asked of each status's list.</summary>
    public string Limit { get; } = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The requests read so far, waiting ones first, then by start.</summary>
    public IReadOnlyList<Reservation> Items => _items;

    /// <summary>True while some status's list has a further page.</summary>
    public bool HasMore => _cursors.Values.Any(cursor => cursor is not null);

    /// <summary>Reads the first page of each status afresh; the first refusal met, if any.</summary>
    public Task<DomainError?> LoadAsync()
    {
        _items.Clear();
        _cursors.Clear();
        return ReadAsync(Statuses);
    }

    /// <summary>Reads the next page of each status that has one and adds it; the first refusal met, if any.</summary>
    public Task<DomainError?> MoreAsync() => ReadAsync(Statuses.Where(status => _cursors.GetValueOrDefault(status) is not null).ToList());

    private async Task<DomainError?> ReadAsync(IReadOnlyList<string> statuses)
    {
        DomainError? error = null;
        foreach (var status in statuses)
        {
            var outcome = await fetch(status, _cursors.GetValueOrDefault(status));
            error ??= outcome.Error;
            _cursors[status] = outcome.Value?.NextCursor;

            // Lapsed holds are expired too; only a request that waited for approval carries an approval deadline.
            _items.AddRange(outcome.Value?.Items.Where(r => status != "expired" || r.ApprovalExpiresAt is not null) ?? []);
        }

        _items.Sort((a, b) => (Rank(a), a.Start).CompareTo((Rank(b), b.Start)));
        return error;
    }

    private static int Rank(Reservation request) => request.Status == ReservationStatus.PendingApproval ? 0 : 1;
}
