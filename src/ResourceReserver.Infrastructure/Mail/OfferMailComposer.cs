using System.Net;
using ResourceReserver.Contracts;

namespace ResourceReserver.Infrastructure.Mail;

/// <summary>
/// The wording of a waitlist offer. An offer is not a reservation yet: it is a hold on the freed slot, with the
/// waitlist entry's id, that lapses at <see cref="WaitlistEntry.OfferExpiresAt"/> unless accepted.
/// </summary>
public static class OfferMailComposer
{
    /// <summary>Subject, text and HTML for the offer of <paramref name="entry"/>.</summary>
    public static (string Subject, string Text, string Html) Compose(WaitlistEntry entry, ResourceSnapshot? resource)
    {
        var name = resource?.Details.Name ?? "your resource";
        var zone = resource?.Details.TimeZone ?? "UTC";
        var slot = entry.OfferedSlot ?? new TimeRange(entry.Start, entry.End);
        var when = $"{MailComposer.Local(slot.Start, zone):yyyy-MM-dd HH:mm} – {MailComposer.Local(slot.End, zone):HH:mm} ({zone})";
        var until = entry.OfferExpiresAt is { } expires ? $"{MailComposer.Local(expires, zone):yyyy-MM-dd HH:mm} ({zone})" : "soon";
        var opening = "A slot you waited for is free and held for you.";
        var accept = $"Accept it before {until}: POST /api/v1/waitlist/{entry.Id}/accept (or decline: POST /api/v1/waitlist/{entry.Id}/decline).";
        var text = $"{opening}\n\nResource: {name}\nWhen: {when}\nWaitlist entry: {entry.Id}\n\n{accept}\n";
        var html = $"""
            <!DOCTYPE html><html><body>
            <p>{WebUtility.HtmlEncode(opening)}</p>
            <table>
            <tr><th align="left">Resource</th><td>{WebUtility.HtmlEncode(name)}</td></tr>
            <tr><th align="left">When</th><td>{WebUtility.HtmlEncode(when)}</td></tr>
            <tr><th align="left">Waitlist entry</th><td>{entry.Id}</td></tr>
            </table>
            <p>{WebUtility.HtmlEncode(accept)}</p>
            </body></html>
            """;
        return ($"A slot is free: {name}", text, html);
    }
}
