using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ResourceReserver.Cli.Input;

namespace ResourceReserver.CliTests.Parsing;

public sealed class DurationTextProperties
{
    [Property(MaxTest = 500)]
    public Property Compact_and_iso_forms_of_the_same_length_agree_and_format_round_trips() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 200)), Arb.From(Gen.Choose(0, 59)), (hours, minutes) =>
        {
            var expected = TimeSpan.FromHours(hours) + TimeSpan.FromMinutes(minutes);
            if (expected == TimeSpan.Zero)
            {
                return DurationText.TryParse($"{hours}h{minutes}m") is null;
            }

            return DurationText.TryParse($"{hours}h{minutes}m") == expected
                && DurationText.TryParse($"PT{hours}H{minutes}M") == expected
                && DurationText.TryParse($"{hours * 60 + minutes}m") == expected
                && DurationText.TryParse(DurationText.Format(expected)) == expected
                && DurationText.TryParse(DurationText.Iso(expected)) == expected;
        });

    [Theory]
    [InlineData("2h", 120)]
    [InlineData("90m", 90)]
    [InlineData("1h30m", 90)]
    [InlineData("PT2H", 120)]
    [InlineData("pt45m", 45)]
    [InlineData("1d", 1440)]
    public void Accepted_forms(string text, int minutes) => Assert.Equal(TimeSpan.FromMinutes(minutes), DurationText.TryParse(text));

    [Theory]
    [InlineData("")]
    [InlineData("0m")]
    [InlineData("2 hours")]
    [InlineData("-1h")]
    [InlineData("PT-1H")]
    [InlineData("999d")]
    [InlineData("h")]
    public void Rejected_forms(string text) => Assert.Null(DurationText.TryParse(text));
}
