using ResourceReserver.Contracts;
using ResourceReserver.Host.Application;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Organisation;

/// <summary>The organisation filters of <c>GET /resources</c>: <c>groupId</c>, <c>includeSubgroups</c>, <c>labels</c>, <c>minCapacity</c>.</summary>
public sealed record OrganisationFilter(Guid? GroupId, bool IncludeSubgroups, IReadOnlyList<Guid> Labels, int? MinCapacity)
{
    private const int MaxLabels = 20;

    /// <summary>The parsed filters, or null when one is malformed (see <see cref="Explain"/>).</summary>
    public static OrganisationFilter? Parse(ResourceQuery query)
    {
        Guid? group = null;
        if (!string.IsNullOrEmpty(query.GroupId))
        {
            if (!Guid.TryParse(query.GroupId, out var parsed))
            {
                return null;
            }

            group = parsed;
        }

        var subgroups = false;
        if (query.IncludeSubgroups is { } text && !bool.TryParse(text, out subgroups))
        {
            return null;
        }

        var labels = new List<Guid>();
        foreach (var part in (query.Labels ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Guid.TryParse(part, out var label))
            {
                return null;
            }

            labels.Add(label);
        }

        int? minCapacity = null;
        if (query.MinCapacity is { } capacityText)
        {
            if (!int.TryParse(capacityText, out var capacity) || capacity < 1)
            {
                return null;
            }

            minCapacity = capacity;
        }

        return labels.Count > MaxLabels || (subgroups && group is null) ? null : new OrganisationFilter(group, subgroups, labels.Distinct().ToList(), minCapacity);
    }

    /// <summary>The 422 for a query <see cref="Parse"/> refused, naming the first bad field.</summary>
    public static DomainError Explain(ResourceQuery query)
    {
        if (!string.IsNullOrEmpty(query.GroupId) && !Guid.TryParse(query.GroupId, out _))
        {
            return Refusal.Invalid("groupId", "groupId must be a group id.");
        }

        if (query.IncludeSubgroups is { } text && (!bool.TryParse(text, out var subgroups) || (subgroups && string.IsNullOrEmpty(query.GroupId))))
        {
            return Refusal.Invalid("includeSubgroups", "includeSubgroups is true or false, and needs groupId.");
        }

        if (query.MinCapacity is { } capacity && (!int.TryParse(capacity, out var value) || value < 1))
        {
            return Refusal.Invalid("minCapacity", "minCapacity must be a whole number of at least 1.");
        }

        return Refusal.Invalid("labels", $"labels is a comma-separated list of at most {MaxLabels} label ids.");
    }

    /// <summary>The read store filter with these filters added.</summary>
    public ResourceFilter ApplyTo(ResourceFilter filter) =>
        filter with { GroupId = GroupId, IncludeSubgroups = IncludeSubgroups, Labels = Labels, MinCapacity = MinCapacity };
}
