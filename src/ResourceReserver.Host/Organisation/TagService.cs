using ResourceReserver.Client.Contracts;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Application;
using ResourceReserver.Infrastructure.ReadStore;
using ResourceReserver.Resources;

namespace ResourceReserver.Host.Organisation;

/// <summary>Renames (merging into an existing tag) and removes a tag across every resource.</summary>
public sealed class TagService(SqlReadStore store, ResourceRelabeller relabeller)
{
    /// <summary>Renames <paramref name="tag"/> to <c>name</c> on every resource; a resource already carrying both keeps one.</summary>
    public async Task<Outcome<TagChangeView>> RenameAsync(Actor actor, string tag, RenameTagRequest request, CancellationToken ct = default)
    {
        if (Caller.Require(actor, Permission.ResourcesManage) is { } forbidden)
        {
            return forbidden;
        }

        var name = request.Name?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(name) || name.Length > ResourceDetailsValidator.MaxTagLength)
        {
            return Refusal.Invalid("name", $"The new tag name is required, at most {ResourceDetailsValidator.MaxTagLength} characters.");
        }

        var from = tag.Trim().ToLowerInvariant();
        if (await TaggedAsync(from, ct) is not { } ids)
        {
            return NotFound(tag);
        }

        var changed = name == from ? 0 : await relabeller.ApplyAsync(ids, actor,
            d => d.Tags.Contains(from) ? new ResourcePatch { Tags = d.Tags.Select(t => t == from ? name : t).Distinct().ToList() } : null, ct);
        return new TagChangeView(from, name, changed);
    }

    /// <summary>Removes <paramref name="tag"/> from every resource.</summary>
    public async Task<Outcome<TagChangeView>> DeleteAsync(Actor actor, string tag, CancellationToken ct = default)
    {
        if (Caller.Require(actor, Permission.ResourcesManage) is { } forbidden)
        {
            return forbidden;
        }

        var from = tag.Trim().ToLowerInvariant();
        if (await TaggedAsync(from, ct) is not { } ids)
        {
            return NotFound(tag);
        }

        var changed = await relabeller.ApplyAsync(ids, actor,
            d => d.Tags.Contains(from) ? new ResourcePatch { Tags = d.Tags.Where(t => t != from).ToList() } : null, ct);
        return new TagChangeView(from, null, changed);
    }

    private async Task<IReadOnlyList<Guid>?> TaggedAsync(string tag, CancellationToken ct) =>
        tag.Length is 0 or > ResourceDetailsValidator.MaxTagLength || await store.ResourcesTaggedAsync(tag, ct) is not { Count: > 0 } ids ? null : ids;

    private static DomainError NotFound(string tag) =>
        DomainError.NotFound(ProblemCode.TagNotFound, $"No resource carries the tag '{(tag.Length > 64 ? tag[..64] + "…" : tag)}'.");
}
