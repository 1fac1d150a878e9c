using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Problems;

/// <summary>
/// The title and detail of every <see cref="ProblemCode"/> in English (<c>ProblemText.resx</c>), Spanish and French
/// (<c>.es</c>, <c>.fr</c>), keyed <c>{code}.title</c> and <c>{code}.detail</c>. Every problem the host writes passes
/// through <see cref="Localize"/>: the title always comes from here, and in Spanish or French so does the detail
/// (the English detail stays, as it names the specific values). The <c>code</c> and the field names in
/// <c>errors</c> never change with the language.
/// </summary>
public sealed class ProblemText
{
    /// <summary>The key of the text that lists the fields of a validation problem.</summary>
    public const string FieldsKey = "fields";

    /// <summary>The key of the title of <paramref name="code"/>.</summary>
    public static string TitleKey(ProblemCode code) => code.Value + ".title";

    /// <summary>The key of the detail of <paramref name="code"/>.</summary>
    public static string DetailKey(ProblemCode code) => code.Value + ".detail";

    /// <summary>Words <paramref name="problem"/> in the current UI culture, if its <c>code</c> is a catalogued one.</summary>
    public static void Localize(ProblemDetails problem, IStringLocalizer<ProblemText> texts)
    {
        if (!problem.Extensions.TryGetValue("code", out var value) || ProblemCode.Find(value as string) is not { } code)
        {
            return;
        }

        problem.Title = texts[TitleKey(code)];
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && !string.IsNullOrEmpty(problem.Detail))
        {
            return;
        }

        var detail = texts[DetailKey(code)].Value;
        if (problem.Extensions.TryGetValue("errors", out var errors) && FieldsOf(errors) is { Count: > 0 } fields)
        {
            detail += " " + texts[FieldsKey, string.Join(", ", fields)].Value;
        }

        problem.Detail = detail;
    }

    private static IReadOnlyCollection<string>? FieldsOf(object? errors) => errors switch
    {
        IReadOnlyDictionary<string, string[]> map => [.. map.Keys],
        IDictionary<string, string[]> map => [.. map.Keys],
        _ => null,
    };
}
