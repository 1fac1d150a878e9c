using ResourceReserver.Contracts;
using ResourceReserver.Resources;

namespace ResourceReserver.UnitTests.Resources;

public sealed class ResourceDetailsValidatorTests
{
    private static readonly ResourceDetails _valid = new() { Name = "Room 1", Capacity = 4, TimeZone = "Europe/London", Tags = ["quiet"] };

    [Fact]
    public void Valid_details_pass() => Assert.Null(ResourceDetailsValidator.Validate(_valid));

    [Fact]
    public void Every_offending_field_is_reported_at_once()
    {
        var details = _valid with
        {
            Name = " ",
            Capacity = 0,
            TimeZone = "Mars/Olympus",
            Tags = [""],
            Description = new string('d', 4001),
            Location = new string('l', 201),
        };

        var error = ResourceDetailsValidator.Validate(details);

        Assert.Equal("validation_failed", error?.Code);
        Assert.Equal(ErrorKind.Validation, error!.Kind);
        Assert.Equal(["capacity", "description", "location", "name", "tags", "timeZone"], error.Errors!.Keys.Order());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(100_001)]
    public void Capacity_outside_1_to_100000_is_refused(int capacity) =>
        Assert.True(ResourceDetailsValidator.Validate(_valid with { Capacity = capacity })!.Errors!.ContainsKey("capacity"));

    [Theory]
    [InlineData(0, 60, 0, 30)]
    [InlineData(60, 30, 0, 30)]
    [InlineData(15, 60 * 24 * 32, 0, 30)]
    [InlineData(15, 60, -1, 30)]
    [InlineData(15, 60, 0, 0)]
    [InlineData(15, 60, 0, 3651)]
    public void Inconsistent_rules_are_refused(int minMinutes, int maxMinutes, int noticeMinutes, int horizonDays)
    {
        var rules = new BookingRules
        {
            MinDuration = TimeSpan.FromMinutes(minMinutes),
            MaxDuration = TimeSpan.FromMinutes(maxMinutes),
            MinNotice = TimeSpan.FromMinutes(noticeMinutes),
            MaxHorizon = TimeSpan.FromDays(horizonDays),
        };

        Assert.True(ResourceDetailsValidator.Validate(_valid with { Rules = rules })!.Errors!.ContainsKey("rules"));
    }

    [Fact]
    public void Too_many_attributes_or_tags_are_refused()
    {
        var attributes = Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", i => "v");
        var tags = Enumerable.Range(0, 51).Select(i => $"t{i}").ToList();

        Assert.True(ResourceDetailsValidator.Validate(_valid with { Attributes = attributes })!.Errors!.ContainsKey("attributes"));
        Assert.True(ResourceDetailsValidator.Validate(_valid with { Tags = tags })!.Errors!.ContainsKey("tags"));
    }

    [Fact]
    public void Normalize_trims_the_name_and_makes_tags_distinct_lower_case_words()
    {
        var normalized = ResourceDetailsValidator.Normalize(_valid with { Name = "  Lab A ", Tags = ["GPU", " gpu ", "", "  ", "Quiet"] });

        Assert.Equal("Lab A", normalized.Name);
        Assert.Equal(["gpu", "quiet"], normalized.Tags);
    }

    [Fact]
    public void Apply_changes_only_the_patched_fields()
    {
        var patched = ResourceDetailsValidator.Apply(_valid, new ResourcePatch { Capacity = 9, Location = "Floor 2" });

        Assert.Equal(_valid with { Capacity = 9, Location = "Floor 2" }, patched);
    }
}
