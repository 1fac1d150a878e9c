using ResourceReserver.Events;
using ResourceReserver.Infrastructure.Accounts;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.Messages;
using ResourceReserver.Infrastructure.Notifications;

namespace ResourceReserver.Host.Notifications;

/// <summary>
/// The feed entries telling approvers that a request waits for them (<see cref="ApproverDirectory"/> says who), each
/// in the approver's language. The durable consumer stores them and every silo's live tail pushes the same ones.
/// </summary>
public sealed class ApproverNotifications(ApproverDirectory directory, MessageLanguages languages)
{
    /// <summary>One notification per approver to tell, or none when the event is not a new request.</summary>
    public async Task<IReadOnlyList<(Notification Notification, string DedupeKey)>> ForAsync(EventBatch batch, DomainEvent e, CancellationToken ct)
    {
        if (e is not { Type: EventTypes.ApprovalRequested, Reservation: { } request }
            || await batch.ResourceAsync(request.ResourceId, ct) is not { } resource)
        {
            return [];
        }

        var requester = (await batch.UserAsync(request.UserId, ct))?.Username ?? request.UserId.ToString();
        var made = new List<(Notification, string)>();
        foreach (var approver in await directory.ToTellAsync(batch, resource, request, ct))
        {
            if (NotificationComposer.ForApprover(e, approver.Id, resource.Details.Name, requester, languages.For(approver)) is { } notification)
            {
                made.Add(notification);
            }
        }

        return made;
    }
}
