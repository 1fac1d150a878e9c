using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using ResourceReserver.Host.Components;
using ResourceReserver.Host.Components.Booking;

namespace ResourceReserver.WebTests;

public sealed class RecurrenceBuilderTests : BunitContext
{
    private static readonly DateOnly Wednesday = new(2026, 12, 9);

    public RecurrenceBuilderTests()
    {
        Services.AddLocalization();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    [Fact]
    public void It_shows_the_rule_it_builds_as_the_choices_change()
    {
        var recurrence = new Recurrence();
        var builder = Render<RecurrenceBuilder>(p => p.Add(c => c.Value, recurrence).Add(c => c.FirstDate, Wednesday));
        Assert.Equal("FREQ=WEEKLY;BYDAY=WE;COUNT=10", builder.Find("[data-testid=rrule]").TextContent);

        builder.FindAll(".weekday-picker input")[4].Change(true); // Friday
        builder.Find("#repeat-count").Change("4");
        Assert.Equal("FREQ=WEEKLY;BYDAY=WE,FR;COUNT=4", builder.Find("[data-testid=rrule]").TextContent);

        builder.Find("#repeat-frequency").Change(nameof(RepeatFrequency.Daily));
        Assert.Empty(builder.FindAll(".weekday-picker"));
        builder.Find("#repeat-end").Change(nameof(RepeatEnd.OnDate));
        builder.Find("#repeat-until").Change("2026-12-20");
        Assert.Equal("FREQ=DAILY;UNTIL=20261220T235959", builder.Find("[data-testid=rrule]").TextContent);
    }

    [Fact]
    public void A_bad_choice_is_explained_instead_of_a_rule()
    {
        var builder = Render<RecurrenceBuilder>(p => p.Add(c => c.Value, new Recurrence()).Add(c => c.FirstDate, Wednesday));
        builder.Find("#repeat-count").Change("1");
        Assert.Empty(builder.FindAll("[data-testid=rrule]"));
        Assert.Contains("Choose between 2 and 365 occurrences.", builder.Find("[role=alert]").TextContent);
    }

    [Fact]
    public void Weekday_labels_and_texts_follow_the_language()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es");
        var builder = Render<RecurrenceBuilder>(p => p.Add(c => c.Value, new Recurrence()).Add(c => c.FirstDate, Wednesday));
        Assert.Contains("Repetir", builder.Find("legend").TextContent);
        Assert.Equal("lu", builder.FindAll(".weekday-picker span")[0].TextContent.Trim('.').ToLowerInvariant()[..2]);
    }
}
