using ResourceReserver.Contracts;
using ResourceReserver.Host.Components.Approvals;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.WebTests;

/// <summary>
/// My reservations → Requests pages each status's list by its cursor: "Show more" reads the next page of every
/// status that has one, and lapsed holds never count as expired requests.
/// </summary>
public sealed class OwnRequestPagesTests
{
    private static readonly DateTimeOffset Day = new(2030, 3, 4, 0, 0, 0, TimeSpan.Zero);
    private readonly List<(string Status, string? Cursor)> _asked = [];

    [Fact]
    public async Task Show_more_reads_the_next_page_of_each_status_that_has_one_until_none_is_left()
    {
        // Stored, two to a page: three waiting requests, one rejected, and expired rows of which one is a lapsed hold.
        var stored = new Dictionary<string, List<Reservation>>
        {
            ["pending_approval"] = [Request(ReservationStatus.PendingApproval, 9), Request(ReservationStatus.PendingApproval, 10), Request(ReservationStatus.PendingApproval, 11)],
            ["rejected"] = [Request(ReservationStatus.Rejected, 8)],
            ["expired"] = [Request(ReservationStatus.Expired, 7), Request(ReservationStatus.Expired, 12) with { ApprovalExpiresAt = null }],
        };
        var pages = new OwnRequestPages((status, cursor) => Task.FromResult(Serve(stored[status], status, cursor)), pageSize: 2);

        Assert.Null(await pages.LoadAsync());

        Assert.Equal("2", pages.Limit);
        Assert.Equal([9, 10, 7, 8], pages.Items.Select(r => r.Start.Hour));
        Assert.True(pages.HasMore);

        Assert.Null(await pages.MoreAsync());

        Assert.Equal([9, 10, 11, 7, 8], pages.Items.Select(r => r.Start.Hour));
        Assert.False(pages.HasMore);
        Assert.Equal([("pending_approval", null), ("rejected", null), ("expired", null), ("pending_approval", "2")], _asked);
    }

    [Fact]
    public async Task Loading_again_starts_over_and_a_refusal_is_passed_on()
    {
        var refusal = DomainError.Forbidden("no");
        var pages = new OwnRequestPages((status, _) => Task.FromResult(status == "rejected"
            ? Outcome<Page<Reservation>>.Fail(refusal)
            : new Outcome<Page<Reservation>> { Value = new Page<Reservation>(status == "pending_approval" ? [Request(ReservationStatus.PendingApproval, 9)] : [], null) }));

        Assert.Same(refusal, await pages.LoadAsync());
        Assert.Same(refusal, await pages.LoadAsync());

        Assert.Single(pages.Items);
        Assert.False(pages.HasMore);
    }

    private Outcome<Page<Reservation>> Serve(List<Reservation> rows, string status, string? cursor)
    {
        _asked.Add((status, cursor));
        var skip = cursor is null ? 0 : int.Parse(cursor);
        var next = skip + 2 < rows.Count ? (skip + 2).ToString() : null;
        return new Outcome<Page<Reservation>> { Value = new Page<Reservation>(rows.Skip(skip).Take(2).ToList(), next) };
    }

    private static Reservation Request(ReservationStatus status, int hour) => new()
    {
        Id = Guid.NewGuid(),
        ResourceId = Guid.NewGuid(),
        UserId = Guid.NewGuid(),
        Start = Day.AddHours(hour),
        End = Day.AddHours(hour + 1),
        Status = status,
        ApprovalExpiresAt = Day,
    };
}
