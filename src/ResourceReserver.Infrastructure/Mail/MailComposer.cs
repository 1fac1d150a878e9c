using System.Net;
using ResourceReserver.Contracts;

namespace ResourceReserver.Infrastructure.Mail;

/// <summary>The wording of each message, in plain text and HTML (values HTML-encoded).</summary>
public static class MailComposer
{
    /// <summary>Subject, text and HTML for a reservation message of <paramref name="kind"/>.</summary>
    public static (string Subject, string Text, string Html) Compose(string kind, Reservation reservation, ResourceSnapshot? resource, TimeSpan? lead = null)
    {
        var name = resource?.Details.Name ?? "your resource";
        var zone = resource?.Details.TimeZone ?? "UTC";
        var when = $"{Local(reservation.Start, zone):yyyy-MM-dd HH:mm} – {Local(reservation.End, zone):HH:mm} ({zone})";
        var (subject, opening) = kind switch
        {
            "confirmation" => ($"Reservation confirmed: {name}", "Your reservation is confirmed."),
            "cancellation" => ($"Reservation cancelled: {name}", "Your reservation has been cancelled."),
            "update" => ($"Reservation changed: {name}", "Your reservation has changed."),
            "approval_requested" => ($"Waiting for approval: {name}", "Your request is waiting for an approver; the time is held for you meanwhile."),
            "approval_approved" => ($"Reservation approved: {name}", "Your request was approved; the reservation is confirmed."),
            "approval_rejected" => ($"Request rejected: {name}", "Your request was rejected."),
            "reminder" => ($"Reminder: {name} in {Describe(lead ?? TimeSpan.Zero)}", $"Your reservation starts in {Describe(lead ?? TimeSpan.Zero)}."),
            _ => ($"Reservation: {name}", "About your reservation."),
        };
        var title = string.IsNullOrWhiteSpace(reservation.Title) ? "" : $"\nTitle: {reservation.Title}";
        var text = $"{opening}\n\nResource: {name}\nWhen: {when}{title}\nReservation: {reservation.Id}\n";
        var html = $"""
            <!DOCTYPE html><html><body>
            <p>{WebUtility.HtmlEncode(opening)}</p>
            <table>
            <tr><th align="left">Resource</th><td>{WebUtility.HtmlEncode(name)}</td></tr>
            <tr><th align="left">When</th><td>{WebUtility.HtmlEncode(when)}</td></tr>
            {(title.Length > 0 ? $"<tr><th align=\"left\">Title</th><td>{WebUtility.HtmlEncode(reservation.Title)}</td></tr>" : "")}
            <tr><th align="left">Reservation</th><td>{reservation.Id}</td></tr>
            </table>
            </body></html>
            """;
        return (subject, text, html);
    }

    internal static DateTime Local(DateTimeOffset instant, string zone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var tz) ? TimeZoneInfo.ConvertTime(instant, tz).DateTime : instant.UtcDateTime;

    /// <summary>A lead time in words ("1 hour", "24 hours", "30 minutes").</summary>
    public static string Describe(TimeSpan lead) =>
        lead.TotalHours >= 1 ? $"{lead.TotalHours:0} hour{(lead.TotalHours >= 2 ? "s" : "")}" : $"{lead.TotalMinutes:0} minutes";
}
