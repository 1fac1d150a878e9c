using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Problems;

namespace ResourceReserver.ApiTests.Localization;

/// <summary>
/// Every problem code the code base can produce (<see cref="ProblemCode.All"/>: refusals can only name a catalogued
/// code) has a title and a detail in English, Spanish and French, and the translations are translations.
/// </summary>
public sealed partial class ProblemCatalogueTests
{
    private static readonly ResourceManager Texts = new(typeof(ProblemText).FullName!, typeof(ProblemText).Assembly);

    [Fact]
    public void The_catalogue_holds_every_code_once_in_snake_case()
    {
        Assert.True(ProblemCode.All.Count >= 100, $"Only {ProblemCode.All.Count} codes.");
        Assert.All(ProblemCode.All, c => Assert.Matches("^[a-z]+(_[a-z]+)*$", c.Value));
        Assert.Same(ProblemCode.BookingConflict, ProblemCode.Find("booking_conflict"));
        Assert.Null(ProblemCode.Find("no_such_code"));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("fr")]
    public void Every_code_has_a_title_and_a_detail(string language)
    {
        var texts = Own(language);
        var missing = ProblemCode.All
            .SelectMany(c => new[] { ProblemText.TitleKey(c), ProblemText.DetailKey(c) })
            .Where(key => string.IsNullOrWhiteSpace(texts.GetString(key)))
            .ToList();

        Assert.True(missing.Count == 0, $"No {language} text for: {string.Join(", ", missing)}");
        Assert.False(string.IsNullOrWhiteSpace(texts.GetString(ProblemText.FieldsKey)));
    }

    [Theory]
    [InlineData("es")]
    [InlineData("fr")]
    public void Every_translation_differs_from_the_english_and_keeps_its_placeholders(string language)
    {
        var english = Own("en");
        var translated = Own(language);
        var keys = ProblemCode.All.SelectMany(c => new[] { ProblemText.TitleKey(c), ProblemText.DetailKey(c) }).Append(ProblemText.FieldsKey);

        var untranslated = keys.Where(k => translated.GetString(k) == english.GetString(k)).ToList();
        var broken = keys.Where(k => !Placeholders(translated.GetString(k)!).SequenceEqual(Placeholders(english.GetString(k)!))).ToList();

        Assert.True(untranslated.Count == 0, $"Same as English in {language}: {string.Join(", ", untranslated)}");
        Assert.True(broken.Count == 0, $"Placeholders differ in {language}: {string.Join(", ", broken)}");
    }

    [Fact]
    public void No_text_exists_for_a_code_the_catalogue_lacks()
    {
        var known = ProblemCode.All.SelectMany(c => new[] { ProblemText.TitleKey(c), ProblemText.DetailKey(c) }).Append(ProblemText.FieldsKey).ToHashSet();

        var stray = Own("en").Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Where(k => !known.Contains(k)).ToList();

        Assert.True(stray.Count == 0, $"Texts without a code: {string.Join(", ", stray)}");
    }

    /// <summary>The texts of exactly this language, without falling back to the English ones.</summary>
    private static ResourceSet Own(string language) =>
        Texts.GetResourceSet(language == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false)
        ?? throw new InvalidOperationException($"No {language} resources.");

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order()];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
