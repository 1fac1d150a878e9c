using System.Net;
using ResourceReserver.Contracts;
using ResourceReserver.Infrastructure.Messages;

namespace ResourceReserver.Infrastructure.Mail;

/// <summary>
/// The wording of a waitlist offer. An offer is not a reservation yet: it is a hold on the freed slot, with the
/// waitlist entry's id, that lapses at <see cref="WaitlistEntry.OfferExpiresAt"/> unless accepted.
/// </summary>
public static class OfferMailComposer
{
    /// <summary>Subject, text and HTML for the offer of <paramref name="entry"/>, in the recipient's language.</summary>
    public static (string Subject, string Text, string Html) Compose(WaitlistEntry entry, ResourceSnapshot? resource, MessageWording words)
    {
        var name = resource?.Details.Name ?? words[MessageText.YourResource];
        var zone = resource?.Details.TimeZone ?? "UTC";
        var slot = entry.OfferedSlot ?? new TimeRange(entry.Start, entry.End);
        var when = LocalTimes.Span(slot.Start, slot.End, zone);
        var until = entry.OfferExpiresAt is { } expires ? LocalTimes.At(expires, zone) : words[MessageText.Soon];
        var opening = words[MessageText.OfferOpening];
        var accept = words[MessageText.OfferAccept, until, entry.Id];
        var (resourceLabel, whenLabel, entryLabel) = (words[MessageText.ResourceLabel], words[MessageText.WhenLabel], words[MessageText.WaitlistEntryLabel]);
        var text = $"{opening}\n\n{resourceLabel}: {name}\n{whenLabel}: {when}\n{entryLabel}: {entry.Id}\n\n{accept}\n";
        var html = $"""
            <!DOCTYPE html><html lang="{words.Culture.Name}"><body>
            <p>{WebUtility.HtmlEncode(opening)}</p>
            <table>
            <tr><th align="left">{WebUtility.HtmlEncode(resourceLabel)}</th><td>{WebUtility.HtmlEncode(name)}</td></tr>
            <tr><th align="left">{WebUtility.HtmlEncode(whenLabel)}</th><td>{WebUtility.HtmlEncode(when)}</td></tr>
            <tr><th align="left">{WebUtility.HtmlEncode(entryLabel)}</th><td>{entry.Id}</td></tr>
            </table>
            <p>{WebUtility.HtmlEncode(accept)}</p>
            </body></html>
            """;
        return (words[MessageText.SlotFree, name], text, html);
    }
}
