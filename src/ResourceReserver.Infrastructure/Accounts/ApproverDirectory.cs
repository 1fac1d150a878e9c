using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Infrastructure.Dispatch;

namespace ResourceReserver.Infrastructure.Accounts;

/// <summary>
/// Who is told that a request waits for approval: the resource's listed approvers, or, when it lists none, the
/// active accounts whose roles may decide it (approvals.decide; administrators hold every permission). Bounded, so
/// a large organisation is not mailed as a whole; the requester is never among them.
/// </summary>
public sealed class ApproverDirectory(IGrainFactory grains)
{
    /// <summary>The most approvers one request is announced to.</summary>
    public const int MaxAnnounced = 25;

    /// <summary>The approvers to tell about <paramref name="request"/> on <paramref name="resource"/>, in username order.</summary>
    public async Task<IReadOnlyList<UserProfile>> ToTellAsync(EventBatch batch, ResourceSnapshot resource, Reservation request, CancellationToken ct)
    {
        if (!batch.Approvers.TryGetValue(resource.Id, out var approvers))
        {
            batch.Approvers[resource.Id] = approvers = await FindAsync(batch, resource.Details.Rules, ct);
        }

        return approvers.Where(a => a.Id != request.UserId).Take(MaxAnnounced).ToList();
    }

    private async Task<IReadOnlyList<UserProfile>> FindAsync(EventBatch batch, BookingRules rules, CancellationToken ct)
    {
        if (rules.Approvers.Count > 0)
        {
            var listed = new List<UserProfile>();
            foreach (var id in rules.Approvers.Distinct().Take(MaxAnnounced + 1))
            {
                if (await batch.UserAsync(id, ct) is { Status: UserStatus.Active } user)
                {
                    listed.Add(user);
                }
            }

            return listed.OrderBy(u => u.Username, StringComparer.OrdinalIgnoreCase).ToList();
        }

        var catalog = await grains.GetGrain<IRoleDirectoryGrain>(IRoleDirectoryGrain.Key).GetCatalogAsync();
        // One more than announced, so that dropping the requester still leaves a full list.
        return await batch.FindUsersAsync(
            user => rules.MayDecide(Actor.With(user.Id, catalog.PermissionsOf(user.Roles))), MaxAnnounced + 1, ct);
    }
}
