using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace ResourceReserver.WebTests;

/// <summary>Every English text the components ask for has a Spanish and a French translation.</summary>
public sealed partial class TranslationTests
{
    [Theory]
    [InlineData("es")]
    [InlineData("fr")]
    public void Every_text_of_the_components_is_translated(string culture)
    {
        var components = Path.Combine(RepoRoot(), "src", "ResourceReserver.Host", "Components");
        var translated = XDocument.Load(Path.Combine(components, $"UiText.{culture}.resx")).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
        var used = Directory.EnumerateFiles(components, "*.razor", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(components, "*.cs", SearchOption.AllDirectories))
            .SelectMany(f => TextKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();

        Assert.NotEmpty(used);
        var missing = used.Where(k => !translated.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Not translated: " + string.Join(" | ", missing));
        Assert.DoesNotContain(translated, t => string.IsNullOrWhiteSpace(t.Value));
        Assert.All(translated, t => Assert.Equal(Placeholders(t.Key), Placeholders(t.Value)));
    }

    private static string[] Placeholders(string text) => [.. PlaceholderPattern().Matches(text).Select(m => m.Value).Order()];

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ResourceReserver.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("ResourceReserver.sln");
    }

    // L["..."] in components, l["..."] where a helper class takes the localizer as a parameter.
    [GeneratedRegex("""(?<!\w)[Ll]\["((?:[^"\\]|\\.)*)"[,\]]""")]
    private static partial Regex TextKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
