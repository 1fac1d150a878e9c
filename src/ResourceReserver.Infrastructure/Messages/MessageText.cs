namespace ResourceReserver.Infrastructure.Messages;

/// <summary>
/// The wording of notifications and e-mail. Each key is the English text (English needs no file); the translations
/// are in <c>MessageText.es.resx</c> and <c>MessageText.fr.resx</c> beside this class. Every key is a constant
/// here, so a test can check each one is translated.
/// </summary>
public sealed class MessageText
{
    public const string ReservationConfirmed = "Reservation confirmed: {0}";
    public const string ReservationCancelled = "Reservation cancelled: {0}";
    public const string ReservationChanged = "Reservation changed: {0}";
    public const string ReservationAbout = "Reservation: {0}";
    public const string ApprovalRequested = "Waiting for approval: {0}";
    public const string ApprovalApproved = "Reservation approved: {0}";
    public const string ApprovalRejected = "Request rejected: {0}";
    public const string ApprovalRequestedOpening = "Your request is waiting for an approver; the time is held for you meanwhile.";
    public const string ApprovalApprovedOpening = "Your request was approved; the reservation is confirmed.";
    public const string ApprovalRejectedOpening = "Your request was rejected.";
    public const string ApprovalExpired = "Request expired: {0}";
    public const string ApprovalExpiredOpening = "No approver decided on your request in time, so it expired and the time is free again. You may book it again.";
    public const string ApprovalToDecide = "Approval needed: {0}";
    public const string ApprovalToDecideOpening = "{0} asks to book this time. Approve or reject the request on the Approvals page (or: rr approvals list).";
    public const string ApproverMessageLabel = "Message from the approver";
    public const string ReminderSubject = "Reminder: {0} in {1}";
    public const string ReminderTitle = "Reservation starts in {0}: {1}";
    public const string SlotFree = "A slot is free: {0}";
    public const string AcceptBefore = "; accept before {0}";
    public const string ConfirmedOpening = "Your reservation is confirmed.";
    public const string CancelledOpening = "Your reservation has been cancelled.";
    public const string ChangedOpening = "Your reservation has changed.";
    public const string ReminderOpening = "Your reservation starts in {0}.";
    public const string AboutOpening = "About your reservation.";
    public const string OfferOpening = "A slot you waited for is free and held for you.";
    public const string OfferAccept = "Accept it before {0}: POST /api/v1/waitlist/{1}/accept (or decline: POST /api/v1/waitlist/{1}/decline).";
    public const string Soon = "soon";
    public const string ResourceLabel = "Resource";
    public const string WhenLabel = "When";
    public const string TitleLabel = "Title";
    public const string ReservationLabel = "Reservation";
    public const string WaitlistEntryLabel = "Waitlist entry";
    public const string YourResource = "your resource";
    public const string AResource = "a resource";
    public const string OneHour = "{0} hour";
    public const string Hours = "{0} hours";
    public const string Minutes = "{0} minutes";
}
