using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ResourceReserver.Contracts;
using ResourceReserver.Infrastructure.Mail;
using ResourceReserver.Infrastructure.Messages;

namespace ResourceReserver.UnitTests.Messages;

/// <summary>Every notification and e-mail text has a Spanish and a French translation, and mail is composed in the recipient's language.</summary>
public sealed partial class MessageTextTests
{
    // French writes "minutes" like English.
    private static readonly HashSet<(string Language, string Key)> SameInEnglish = [("fr", MessageText.Minutes)];

    private static readonly MessageLanguages Languages = new(new StringLocalizer<MessageText>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)));

    private static IEnumerable<string> Keys => typeof(MessageText).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    [Theory]
    [InlineData("es")]
    [InlineData("fr")]
    public void Every_text_is_translated_with_its_placeholders(string language)
    {
        var texts = new ResourceManager(typeof(MessageText).FullName!, typeof(MessageText).Assembly)
            .GetResourceSet(CultureInfo.GetCultureInfo(language), createIfNotExists: true, tryParents: false)!;

        var missing = Keys.Where(k => string.IsNullOrWhiteSpace(texts.GetString(k))).ToList();
        var same = Keys.Where(k => texts.GetString(k) == k && !SameInEnglish.Contains((language, k))).ToList();
        var broken = Keys.Where(k => texts.GetString(k) is { } t && !Placeholders(t).SequenceEqual(Placeholders(k))).ToList();

        Assert.True(missing.Count == 0, $"Not translated to {language}: {string.Join(" | ", missing)}");
        Assert.True(same.Count == 0, $"Same as English in {language}: {string.Join(" | ", same)}");
        Assert.True(broken.Count == 0, $"Placeholders differ in {language}: {string.Join(" | ", broken)}");
    }

    [Theory]
    [InlineData("en", "Reminder: Lab 1 in 24 hours", "Your reservation starts in 24 hours.", "Resource: Lab 1")]
    [InlineData("es", "Recordatorio: Lab 1 en 24 horas", "Tu reserva empieza en 24 horas.", "Recurso: Lab 1")]
    [InlineData("fr", "Rappel : Lab 1 dans 24 heures", "Votre réservation commence dans 24 heures.", "Ressource: Lab 1")]
    public void A_reminder_mail_is_in_the_recipients_language(string language, string subject, string opening, string resourceLine)
    {
        var (actualSubject, text, html) = MailComposer.Compose("reminder", Reservation(), Resource(), TimeSpan.FromHours(24), Languages.In(language));

        Assert.Equal(subject, actualSubject);
        Assert.StartsWith(opening, text);
        Assert.Contains(resourceLine, text);
        Assert.Contains($"lang=\"{language}\"", html);
    }

    [Theory]
    [InlineData("en", "Request expired: Lab 1", "No approver decided on your request in time")]
    [InlineData("es", "Solicitud caducada: Lab 1", "Ningún aprobador decidió sobre tu solicitud a tiempo")]
    [InlineData("fr", "Demande expirée : Lab 1", "Aucun approbateur n’a statué sur votre demande à temps")]
    public void An_expired_request_mail_is_in_the_requesters_language(string language, string subject, string opening)
    {
        var request = Reservation() with { Status = ReservationStatus.Expired, ApprovalExpiresAt = new DateTimeOffset(2027, 1, 9, 9, 0, 0, TimeSpan.Zero) };

        var (actualSubject, text, html) = MailComposer.Compose("approval_expired", request, Resource(), null, Languages.In(language));

        Assert.Equal(subject, actualSubject);
        Assert.StartsWith(opening, text);
        Assert.Contains(request.Id.ToString(), text);
        Assert.Contains($"lang=\"{language}\"", html);
    }

    [Fact]
    public void A_user_without_a_known_language_reads_english()
    {
        Assert.Equal("en", Languages.For(null).Culture.Name);
        Assert.Equal("en", Languages.In("de").Culture.Name);
        Assert.Equal("es", Languages.For(new UserProfile { Username = "u", Preferences = new() { Language = "es" } }).Culture.Name);
    }

    [Fact]
    public void The_wording_leaves_the_callers_culture_alone()
    {
        var before = CultureInfo.CurrentUICulture;

        _ = Languages.In("fr")[MessageText.ReservationConfirmed, "x"];

        Assert.Equal(before, CultureInfo.CurrentUICulture);
    }

    private static Reservation Reservation() => new()
    {
        Id = Guid.NewGuid(),
        ResourceId = Guid.NewGuid(),
        UserId = Guid.NewGuid(),
        Start = new DateTimeOffset(2027, 1, 10, 9, 0, 0, TimeSpan.Zero),
        End = new DateTimeOffset(2027, 1, 10, 10, 0, 0, TimeSpan.Zero),
        Status = ReservationStatus.Confirmed,
    };

    private static ResourceSnapshot Resource() => new() { Details = new ResourceDetails { Name = "Lab 1", TimeZone = "UTC" } };

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Order()];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
