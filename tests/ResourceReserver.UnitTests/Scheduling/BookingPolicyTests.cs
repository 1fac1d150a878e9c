using ResourceReserver.Contracts;
using ResourceReserver.Scheduling;

namespace ResourceReserver.UnitTests.Scheduling;

public sealed class BookingPolicyTests
{
    private static readonly DateTimeOffset _now = new(2030, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static ResourceSnapshot Resource(int capacity = 2, BookingRules? rules = null, ResourceStatus status = ResourceStatus.Available) => new()
    {
        Id = Guid.NewGuid(),
        Details = new ResourceDetails { Name = "Room", Capacity = capacity, Rules = rules ?? BookingRules.Default },
        Status = status,
    };

    private static BookingRequest Request(double startHours = 1, double hours = 1, int quantity = 1) => new()
    {
        ReservationId = Guid.NewGuid(),
        UserId = Guid.NewGuid(),
        Start = _now.AddHours(startHours),
        End = _now.AddHours(startHours + hours),
        Quantity = quantity,
    };

    private static string? Code(BookingRequest request, ResourceSnapshot? resource = null) =>
        BookingPolicy.Validate(request, resource ?? Resource(), _now)?.Code;

    [Fact]
    public void A_plain_request_within_the_rules_passes() => Assert.Null(Code(Request()));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void End_at_or_before_start_is_an_invalid_interval(double hours)
    {
        var error = BookingPolicy.Validate(Request(hours: hours), Resource(), _now);

        Assert.Equal("invalid_interval", error?.Code);
        Assert.Equal(ErrorKind.Validation, error?.Kind);
    }

    [Theory]
    [InlineData(1999, 12, 31)]
    [InlineData(1, 1, 1)]
    [InlineData(2201, 1, 1)]
    [InlineData(9999, 1, 1)]
    public void Instants_before_2000_or_after_2200_are_invalid_times(int year, int month, int day)
    {
        var start = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal("invalid_time", BookingPolicy.ValidateInterval(start, start.AddHours(1))?.Code);
        Assert.Equal("invalid_time", Code(Request() with { Start = start, End = start.AddHours(1) }));
    }

    [Fact]
    public void An_end_beyond_2200_is_invalid_even_when_the_start_is_fine()
    {
        var start = new DateTimeOffset(2199, 12, 31, 23, 0, 0, TimeSpan.Zero);

        Assert.Equal("invalid_time", BookingPolicy.ValidateInterval(start, start.AddHours(2))?.Code);
        Assert.Null(BookingPolicy.ValidateInterval(start, start.AddHours(1)));
        Assert.Null(BookingPolicy.ValidateInterval(BookingPolicy.EarliestInstant, BookingPolicy.EarliestInstant.AddHours(1)));
    }

    [Theory]
    [InlineData(14)]
    [InlineData(1)]
    [InlineData(24 * 60 + 1)]
    [InlineData(48 * 60)]
    public void Durations_outside_the_rules_are_out_of_range(int minutes) =>
        Assert.Equal("duration_out_of_range", Code(Request(hours: minutes / 60.0)));

    [Theory]
    [InlineData(15)]
    [InlineData(24 * 60)]
    public void Durations_on_the_limits_are_accepted(int minutes) => Assert.Null(Code(Request(hours: minutes / 60.0)));

    [Fact]
    public void A_start_in_the_past_is_too_late()
    {
        var error = BookingPolicy.Validate(Request(startHours: -0.5), Resource(), _now);

        Assert.Equal("too_late", error?.Code);
        Assert.Contains("past", error!.Message);
    }

    [Fact]
    public void A_start_inside_the_minimum_notice_is_too_late_and_on_it_is_fine()
    {
        var rules = BookingRules.Default with { MinNotice = TimeSpan.FromHours(2) };

        Assert.Equal("too_late", Code(Request(startHours: 1.99), Resource(rules: rules)));
        Assert.Null(Code(Request(startHours: 2), Resource(rules: rules)));
    }

    [Fact]
    public void A_start_exactly_now_is_accepted_without_notice() => Assert.Null(Code(Request(startHours: 0)));

    [Fact]
    public void A_start_beyond_the_horizon_is_too_early_and_on_it_is_fine()
    {
        var rules = BookingRules.Default with { MaxHorizon = TimeSpan.FromDays(10) };

        Assert.Equal("too_early", Code(Request(startHours: (24 * 10) + 0.25), Resource(rules: rules)));
        Assert.Null(Code(Request(startHours: 24 * 10), Resource(rules: rules)));
        Assert.Equal("too_early", Code(Request(startHours: (24 * 365) + 1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(3)]
    public void Quantities_below_one_or_above_capacity_are_invalid(int quantity) =>
        Assert.Equal("invalid_quantity", Code(Request(quantity: quantity), Resource(capacity: 2)));

    [Fact]
    public void A_quantity_equal_to_capacity_is_accepted() => Assert.Null(Code(Request(quantity: 2), Resource(capacity: 2)));

    [Theory]
    [InlineData(ResourceStatus.Disabled)]
    [InlineData(ResourceStatus.Maintenance)]
    public void Disabled_or_maintained_resources_are_unavailable(ResourceStatus status) =>
        Assert.Equal("resource_unavailable", Code(Request(), Resource(status: status)));

    [Fact]
    public void Overlong_title_or_notes_are_refused()
    {
        Assert.Equal("text_too_long", Code(Request() with { Title = new string('t', BookingPolicy.MaxTitleLength + 1) }));
        Assert.Equal("text_too_long", Code(Request() with { Notes = new string('n', BookingPolicy.MaxNotesLength + 1) }));
        Assert.Null(Code(Request() with { Title = new string('t', BookingPolicy.MaxTitleLength) }));
    }

    [Fact]
    public void Interval_errors_come_before_anything_else()
    {
        var request = Request(startHours: -5, quantity: 99) with { End = _now.AddHours(-6) };

        Assert.Equal("invalid_interval", Code(request, Resource(status: ResourceStatus.Disabled)));
    }
}
