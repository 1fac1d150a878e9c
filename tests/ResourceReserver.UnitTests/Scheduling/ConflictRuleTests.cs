using ResourceReserver.Contracts;
using ResourceReserver.Scheduling;

namespace ResourceReserver.UnitTests.Scheduling;

/// <summary>The conflict rule by example: half-open intervals, capacity N takes N overlapping units, quantities add up.</summary>
public sealed class ConflictRuleTests
{
    private static readonly DateTimeOffset _nine = new(2030, 6, 3, 9, 0, 0, TimeSpan.Zero);

    private static TimeRange Hours(double from, double to) => new(_nine.AddHours(from), _nine.AddHours(to));

    [Fact]
    public void Back_to_back_bookings_do_not_conflict_on_capacity_one()
    {
        var index = new IntervalIndex();
        index.Add(Guid.NewGuid(), Hours(0, 1), 1);

        Assert.True(index.CanFit(Hours(1, 2), 1, 1));
        Assert.True(index.CanFit(Hours(-1, 0), 1, 1));
        Assert.Empty(index.Overlapping(Hours(1, 2)));
        Assert.Equal(0, index.PeakLoad(Hours(1, 2)));
    }

    [Fact]
    public void One_tick_of_overlap_is_a_conflict()
    {
        var index = new IntervalIndex();
        index.Add(Guid.NewGuid(), Hours(0, 1), 1);
        var range = new TimeRange(_nine.AddHours(1).AddTicks(-1), _nine.AddHours(2));

        Assert.False(index.CanFit(range, 1, 1));
        Assert.Single(index.Overlapping(range));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(10)]
    public void Capacity_n_takes_n_overlapping_units_and_refuses_the_next(int capacity)
    {
        var index = new IntervalIndex();
        for (var i = 0; i < capacity; i++)
        {
            Assert.True(index.CanFit(Hours(0, 1), 1, capacity));
            index.Add(Guid.NewGuid(), Hours(i * 0.01, 1 + (i * 0.01)), 1);
        }

        Assert.Equal(capacity, index.PeakLoad(Hours(0, 2)));
        Assert.False(index.CanFit(Hours(0.5, 0.6), 1, capacity));
        Assert.True(index.CanFit(Hours(1.5, 2), 1, capacity));
    }

    [Fact]
    public void Quantities_are_summed_where_bookings_overlap()
    {
        var index = new IntervalIndex();
        index.Add(Guid.NewGuid(), Hours(0, 2), 2);
        index.Add(Guid.NewGuid(), Hours(1, 3), 3);

        Assert.Equal(5, index.PeakLoad(Hours(0, 3)));
        Assert.Equal(2, index.PeakLoad(Hours(0, 1)));
        Assert.Equal(3, index.PeakLoad(Hours(2, 3)));
        Assert.True(index.CanFit(Hours(1, 2), 1, 6));
        Assert.False(index.CanFit(Hours(1, 2), 2, 6));
        Assert.True(index.CanFit(Hours(0, 1), 4, 6));
    }

    [Fact]
    public void Entries_that_merely_touch_at_an_instant_do_not_add_up()
    {
        var index = new IntervalIndex();
        index.Add(Guid.NewGuid(), Hours(0, 1), 2);
        index.Add(Guid.NewGuid(), Hours(1, 2), 2);

        Assert.Equal(2, index.PeakLoad(Hours(0, 2)));
    }

    [Fact]
    public void Remove_frees_the_interval_and_reports_whether_the_entry_existed()
    {
        var index = new IntervalIndex();
        var id = Guid.NewGuid();
        index.Add(id, Hours(0, 1), 1);

        Assert.True(index.Remove(id));
        Assert.False(index.Remove(id));
        Assert.True(index.CanFit(Hours(0, 1), 1, 1));
        Assert.Equal(0, index.Count);
    }

    [Fact]
    public void Adding_an_existing_id_replaces_its_interval()
    {
        var index = new IntervalIndex();
        var id = Guid.NewGuid();
        index.Add(id, Hours(0, 1), 1);
        index.Add(id, Hours(5, 6), 1);

        Assert.Equal(1, index.Count);
        Assert.True(index.CanFit(Hours(0, 1), 1, 1));
        Assert.False(index.CanFit(Hours(5, 6), 1, 1));
    }

    [Fact]
    public void A_long_entry_starting_long_before_the_query_is_still_found()
    {
        var index = new IntervalIndex();
        index.Add(Guid.NewGuid(), Hours(-24 * 30, 24 * 30), 1);
        for (var i = 0; i < 100; i++)
        {
            index.Add(Guid.NewGuid(), Hours(i - 50, i - 49.5), 1);
        }

        Assert.Equal(1, index.PeakLoad(Hours(100, 101)));
        Assert.False(index.CanFit(Hours(200, 201), 1, 1));
    }

    [Fact]
    public void Equal_instants_in_different_offsets_are_the_same_instant()
    {
        var index = new IntervalIndex();
        index.Add(Guid.NewGuid(), Hours(0, 1), 1);
        var shifted = new TimeRange(_nine.AddHours(1).ToOffset(TimeSpan.FromHours(9)), _nine.AddHours(2).ToOffset(TimeSpan.FromHours(-3)));

        Assert.True(index.CanFit(shifted, 1, 1));
    }
}
