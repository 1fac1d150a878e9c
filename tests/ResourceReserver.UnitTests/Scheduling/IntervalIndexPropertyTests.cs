using FsCheck.Xunit;

namespace ResourceReserver.UnitTests.Scheduling;

/// <summary>
/// FsCheck supplies the seeds; each run builds a random index (adds, replacements, removes) and compares many
/// queries with the brute-force oracle. Failures print the seed, which replays the whole case.
/// </summary>
public sealed class IntervalIndexPropertyTests
{
    [Property(MaxTest = 300)]
    public void Overlapping_returns_exactly_the_entries_sharing_an_instant_ordered_by_start(int seed)
    {
        var oracle = new BookingOracle(seed);
        oracle.Mutate(oracle.Random.Next(0, 40), span: 300, maxLength: 90, maxQuantity: 3);
        for (var q = 0; q < 40; q++)
        {
            var (start, end) = oracle.RandomWindow(320, 120);
            var found = oracle.Index.Overlapping(oracle.Range(start, end)).ToList();

            Assert.Equal(oracle.Overlapping(start, end).OrderBy(x => x), found.Select(e => e.Id).OrderBy(x => x));
            Assert.Equal(found.Select(e => e.Start.UtcTicks).Order(), found.Select(e => e.Start.UtcTicks));
        }
    }

    [Property(MaxTest = 300)]
    public void PeakLoad_equals_the_largest_summed_quantity_over_every_minute(int seed)
    {
        var oracle = new BookingOracle(seed);
        oracle.Mutate(oracle.Random.Next(0, 40), span: 300, maxLength: 90, maxQuantity: 4);
        for (var q = 0; q < 40; q++)
        {
            var (start, end) = oracle.RandomWindow(320, 120);

            Assert.Equal(oracle.Peak(start, end), oracle.Index.PeakLoad(oracle.Range(start, end)));
        }
    }

    [Property(MaxTest = 300)]
    public void CanFit_agrees_with_the_oracle_for_any_quantity_and_capacity(int seed)
    {
        var oracle = new BookingOracle(seed);
        oracle.Mutate(oracle.Random.Next(0, 40), span: 300, maxLength: 90, maxQuantity: 3);
        for (var q = 0; q < 40; q++)
        {
            var (start, end) = oracle.RandomWindow(320, 120);
            var quantity = 1 + oracle.Random.Next(3);
            var capacity = 1 + oracle.Random.Next(8);

            var expected = oracle.Peak(start, end) + quantity <= capacity;

            Assert.Equal(expected, oracle.Index.CanFit(oracle.Range(start, end), quantity, capacity));
        }
    }

    [Property(MaxTest = 100)]
    public void Overlapping_is_empty_for_empty_or_inverted_ranges(int seed)
    {
        var oracle = new BookingOracle(seed);
        oracle.Mutate(20, span: 300, maxLength: 90, maxQuantity: 3);
        var at = oracle.Random.Next(300);

        Assert.Empty(oracle.Index.Overlapping(oracle.Range(at, at)));
        Assert.Empty(oracle.Index.Overlapping(oracle.Range(at + 5, at)));
    }

    [Property(MaxTest = 100)]
    public void Clear_forgets_everything_and_long_entries_removed_earlier_do_not_hide_later_overlaps(int seed)
    {
        var oracle = new BookingOracle(seed);
        oracle.Mutate(30, span: 300, maxLength: 200, maxQuantity: 2);
        oracle.Index.Clear();
        Assert.Equal(0, oracle.Index.Count);
        Assert.Equal(0, oracle.Index.PeakLoad(oracle.Range(-1000, 1000)));

        var fresh = new BookingOracle(seed + 1);
        fresh.Mutate(30, span: 300, maxLength: 30, maxQuantity: 2);
        foreach (var (id, (start, end, quantity)) in fresh.Entries)
        {
            oracle.Index.Add(id, fresh.Range(start, end), quantity);
        }

        for (var q = 0; q < 30; q++)
        {
            var (start, end) = fresh.RandomWindow(320, 60);
            Assert.Equal(fresh.Overlapping(start, end).Count, oracle.Index.Overlapping(fresh.Range(start, end)).Count());
        }
    }
}
