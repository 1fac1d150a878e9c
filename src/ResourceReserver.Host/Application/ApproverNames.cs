using ResourceReserver.Contracts;
using ResourceReserver.Grains;

namespace ResourceReserver.Host.Application;

/// <summary>
/// The approvers of a resource as people read and type them: usernames. The API keeps user ids (its published
/// contract), so the admin form shows the ids' usernames and turns what is typed back into ids through the username
/// directory.
/// </summary>
public sealed class ApproverNames(IGrainFactory grains)
{
    /// <summary>The approvers as a comma-separated list of usernames; an id no live account answers to stays an id.</summary>
    public async Task<string> ShowAsync(IEnumerable<Guid> approvers)
    {
        var names = new List<string>();
        foreach (var id in approvers)
        {
            names.Add(await grains.GetGrain<IUserGrain>(id).GetProfileAsync() is { Status: not UserStatus.Deleted } user ? user.Username : id.ToString());
        }

        return string.Join(", ", names);
    }

    /// <summary>
    /// The user ids of a comma-separated list of usernames (case-insensitive) or ids, without repeats, and the names
    /// no live account holds (the form refuses to save while there is one).
    /// </summary>
    public async Task<Resolved> ResolveAsync(string? text)
    {
        var ids = new List<string>();
        var unknown = new List<string>();
        foreach (var entry in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // An id is kept as typed: it is what the API stores, and an approver shown by id must survive a save.
            var id = Guid.TryParse(entry, out var typed) ? typed : await FindAsync(entry);
            if (id is null)
            {
                unknown.Add(entry);
            }
            else if (!ids.Contains(id.Value.ToString()))
            {
                ids.Add(id.Value.ToString());
            }
        }

        return new Resolved(ids, unknown);
    }

    private async Task<Guid?> FindAsync(string username) =>
        username.Length <= 50
        && await grains.GetGrain<INameDirectoryGrain>(INameDirectoryGrain.Usernames).FindAsync(username) is { } id
        && await grains.GetGrain<IUserGrain>(id).GetProfileAsync() is { Status: not UserStatus.Deleted }
            ? id
            : null;

    /// <summary>What typed approvers came to: the ids found, and the names nobody holds.</summary>
    public sealed record Resolved(IReadOnlyList<string> Ids, IReadOnlyList<string> Unknown);
}
