using ResourceReserver.Host.Application;
using ResourceReserver.Host.Apis;

namespace ResourceReserver.Host.Components.Shared;

/// <summary>One page's cache of the resources its rows refer to (name and time zone), looked up once each.</summary>
public sealed class ResourceNames(ResourceService resources)
{
    private readonly Dictionary<Guid, ResourceView?> _known = [];

    /// <summary>Looks up every resource of <paramref name="ids"/> not known yet.</summary>
    public async Task LoadAsync(IEnumerable<Guid> ids)
    {
        foreach (var id in ids.Distinct().Where(id => !_known.ContainsKey(id)))
        {
            _known[id] = (await resources.GetAsync(id.ToString())).Value;
        }
    }

    /// <summary>The resource, or null when it was deleted.</summary>
    public ResourceView? Find(Guid id) => _known.GetValueOrDefault(id);

    /// <summary>The resource's time zone, UTC when it is gone.</summary>
    public string ZoneOf(Guid id) => Find(id)?.TimeZone ?? "UTC";
}
