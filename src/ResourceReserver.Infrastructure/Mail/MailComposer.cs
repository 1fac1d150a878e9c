using System.Net;
using ResourceReserver.Contracts;
using ResourceReserver.Infrastructure.Messages;

namespace ResourceReserver.Infrastructure.Mail;

/// <summary>The wording of each message, in plain text and HTML (values HTML-encoded), in the recipient's language.</summary>
public static class MailComposer
{
    /// <summary>Subject, text and HTML for a reservation message of <paramref name="kind"/>.</summary>
    public static (string Subject, string Text, string Html) Compose(
        string kind, Reservation reservation, ResourceSnapshot? resource, TimeSpan? lead, MessageWording words, string? requester = null)
    {
        var name = resource?.Details.Name ?? words[MessageText.YourResource];
        var zone = resource?.Details.TimeZone ?? "UTC";
        var when = LocalTimes.Span(reservation.Start, reservation.End, zone);
        var inLead = words.Describe(lead ?? TimeSpan.Zero);
        var (subject, opening) = kind switch
        {
            "confirmation" => (words[MessageText.ReservationConfirmed, name], words[MessageText.ConfirmedOpening]),
            "cancellation" => (words[MessageText.ReservationCancelled, name], words[MessageText.CancelledOpening]),
            "update" => (words[MessageText.ReservationChanged, name], words[MessageText.ChangedOpening]),
            "approval_requested" => (words[MessageText.ApprovalRequested, name], words[MessageText.ApprovalRequestedOpening]),
            "approval_approved" => (words[MessageText.ApprovalApproved, name], words[MessageText.ApprovalApprovedOpening]),
            "approval_rejected" => (words[MessageText.ApprovalRejected, name], words[MessageText.ApprovalRejectedOpening]),
            "approval_expired" => (words[MessageText.ApprovalExpired, name], words[MessageText.ApprovalExpiredOpening]),
            "approval_to_decide" => (words[MessageText.ApprovalToDecide, name], words[MessageText.ApprovalToDecideOpening, requester ?? ""]),
            "reminder" => (words[MessageText.ReminderSubject, name, inLead], words[MessageText.ReminderOpening, inLead]),
            _ => (words[MessageText.ReservationAbout, name], words[MessageText.AboutOpening]),
        };
        var (resourceLabel, whenLabel, titleLabel, reservationLabel) =
            (words[MessageText.ResourceLabel], words[MessageText.WhenLabel], words[MessageText.TitleLabel], words[MessageText.ReservationLabel]);
        var title = string.IsNullOrWhiteSpace(reservation.Title) ? "" : $"\n{titleLabel}: {reservation.Title}";
        // The approver's words go to the requester with the decision.
        var decision = kind is "approval_approved" or "approval_rejected" && !string.IsNullOrWhiteSpace(reservation.DecisionMessage)
            ? reservation.DecisionMessage : null;
        var messageLabel = words[MessageText.ApproverMessageLabel];
        var text = $"{opening}\n\n{resourceLabel}: {name}\n{whenLabel}: {when}{title}\n{reservationLabel}: {reservation.Id}\n"
            + (decision is null ? "" : $"{messageLabel}: {decision}\n");
        var html = $"""
            <!DOCTYPE html><html lang="{words.Culture.Name}"><body>
            <p>{WebUtility.HtmlEncode(opening)}</p>
            <table>
            <tr><th align="left">{WebUtility.HtmlEncode(resourceLabel)}</th><td>{WebUtility.HtmlEncode(name)}</td></tr>
            <tr><th align="left">{WebUtility.HtmlEncode(whenLabel)}</th><td>{WebUtility.HtmlEncode(when)}</td></tr>
            {(title.Length > 0 ? $"<tr><th align=\"left\">{WebUtility.HtmlEncode(titleLabel)}</th><td>{WebUtility.HtmlEncode(reservation.Title)}</td></tr>" : "")}
            <tr><th align="left">{WebUtility.HtmlEncode(reservationLabel)}</th><td>{reservation.Id}</td></tr>
            {(decision is null ? "" : $"<tr><th align=\"left\">{WebUtility.HtmlEncode(messageLabel)}</th><td>{WebUtility.HtmlEncode(decision)}</td></tr>")}
            </table>
            </body></html>
            """;
        return (subject, text, html);
    }

}
