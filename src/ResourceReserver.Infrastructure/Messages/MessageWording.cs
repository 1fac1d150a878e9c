using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ResourceReserver.Infrastructure.Messages;

/// <summary>The texts of <see cref="MessageText"/> in one language, for a message composed outside any request.</summary>
public sealed class MessageWording
{
    private readonly IStringLocalizer<MessageText> _texts;

    /// <summary>The wording of <paramref name="texts"/> in <paramref name="language"/> (en, es or fr; English otherwise).</summary>
    public MessageWording(IStringLocalizer<MessageText> texts, string? language)
    {
        _texts = texts;
        Culture = CultureInfo.GetCultureInfo(language is "es" or "fr" ? language : "en");
    }

    /// <summary>The language the texts are in.</summary>
    public CultureInfo Culture { get; }

    /// <summary>The text of <paramref name="key"/> (a <see cref="MessageText"/> constant) with <paramref name="args"/> filled in.</summary>
    public string this[string key, params object?[] args]
    {
        get
        {
            // IStringLocalizer reads the UI culture of the calling thread; composing runs outside any request.
            var previous = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = Culture;
            try
            {
                return string.Format(Culture, _texts[key].Value, args);
            }
            finally
            {
                CultureInfo.CurrentUICulture = previous;
            }
        }
    }

    /// <summary>A lead time in words ("1 hour", "24 hours", "30 minutes").</summary>
    public string Describe(TimeSpan lead) => lead.TotalHours switch
    {
        >= 2 => this[MessageText.Hours, lead.TotalHours.ToString("0", Culture)],
        >= 1 => this[MessageText.OneHour, lead.TotalHours.ToString("0", Culture)],
        _ => this[MessageText.Minutes, lead.TotalMinutes.ToString("0", Culture)],
    };
}
