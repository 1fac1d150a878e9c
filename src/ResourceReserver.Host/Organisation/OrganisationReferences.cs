using ResourceReserver.Contracts;
using ResourceReserver.Host.Application;
using ResourceReserver.Infrastructure.Organisation;

namespace ResourceReserver.Host.Organisation;

/// <summary>Checks that the group and labels a resource is given exist.</summary>
public sealed class OrganisationReferences(GroupStore groups, LabelStore labels)
{
    /// <summary>Null when every reference exists; else a 422 naming the field.</summary>
    public async Task<DomainError?> CheckAsync(Guid? groupId, IReadOnlyList<Guid>? labelIds)
    {
        if (groupId is { } group && await groups.GetAsync(group) is null)
        {
            return Refusal.Invalid("groupId", $"Group '{group}' does not exist.");
        }

        if (labelIds is { Count: > 0 } && await labels.UnknownAsync(labelIds.Distinct().ToList()) is { Count: > 0 } unknown)
        {
            return Refusal.Invalid("labels", $"No such label: {string.Join(", ", unknown)}.");
        }

        return null;
    }
}
