using System.Text.RegularExpressions;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Application;
using ResourceReserver.Infrastructure.Organisation;

namespace ResourceReserver.Host.Organisation;

/// <summary>Labels (<c>category: value</c> with a colour): resource managers keep them, anyone may read them.</summary>
public sealed partial class LabelService(LabelStore labels, ResourceRelabeller relabeller)
{
    private const int MaxTextLength = 100;

    // Each round follows resources that took the label while the previous one was taking it off; a label resources
    // keep taking this often is answered 503 (try again) rather than chased forever.
    private const int MaxRounds = 8;

    /// <summary>Every label, by category and value.</summary>
    public async Task<IReadOnlyList<LabelView>> ListAsync(CancellationToken ct = default) => (await labels.ListAsync(ct)).Select(ToView).ToList();

    /// <summary>One label.</summary>
    public async Task<Outcome<LabelView>> GetAsync(string id) =>
        Guid.TryParse(id, out var labelId) && await labels.GetAsync(labelId) is { } label ? ToView(label) : NotFound(id);

    /// <summary>Creates a label; 409 <c>label_taken</c> for an existing category and value.</summary>
    public async Task<Outcome<LabelView>> CreateAsync(Actor actor, LabelRequest request)
    {
        if (Caller.Require(actor, Permission.ResourcesManage) is { } forbidden)
        {
            return forbidden;
        }

        if (Validate(request, required: true) is { } invalid)
        {
            return invalid;
        }

        return View(await labels.CreateAsync(request.Category!.Trim(), request.Value!.Trim(), request.Color!.ToUpperInvariant()));
    }

    /// <summary>Changes a label's category, value or colour.</summary>
    public async Task<Outcome<LabelView>> UpdateAsync(Actor actor, string id, LabelRequest request)
    {
        if (Caller.Require(actor, Permission.ResourcesManage) is { } forbidden)
        {
            return forbidden;
        }

        if (!Guid.TryParse(id, out var labelId) || await labels.GetAsync(labelId) is not { } current)
        {
            return NotFound(id);
        }

        if (Validate(request, required: false) is { } invalid)
        {
            return invalid;
        }

        return View(await labels.UpdateAsync(new LabelRecord(
            labelId, request.Category?.Trim() ?? current.Category, request.Value?.Trim() ?? current.Value, request.Color?.ToUpperInvariant() ?? current.Color)));
    }

    /// <summary>Deletes a label after taking it off every resource.</summary>
    public async Task<Outcome<LabelView>> DeleteAsync(Actor actor, string id, CancellationToken ct = default)
    {
        if (Caller.Require(actor, Permission.ResourcesManage) is { } forbidden)
        {
            return forbidden;
        }

        if (!Guid.TryParse(id, out var labelId) || await labels.GetAsync(labelId, ct) is not { } label)
        {
            return NotFound(id);
        }

        var retired = await RetireAsync(labelId, null, actor,
            d => d.Labels.Contains(labelId) ? new ResourcePatch { Labels = d.Labels.Where(l => l != labelId).ToList() } : null, ct);
        return retired.IsSuccess ? ToView(label) : retired.Error!;
    }

    /// <summary>Moves every resource of a label to <c>intoId</c> and deletes the label.</summary>
    public async Task<Outcome<LabelMergeView>> MergeAsync(Actor actor, string id, MergeLabelRequest request, CancellationToken ct = default)
    {
        if (Caller.Require(actor, Permission.ResourcesManage) is { } forbidden)
        {
            return forbidden;
        }

        if (!Guid.TryParse(id, out var sourceId) || await labels.GetAsync(sourceId, ct) is null)
        {
            return NotFound(id);
        }

        if (request.IntoId is not { } intoId || intoId == sourceId || await labels.GetAsync(intoId, ct) is not { } into)
        {
            return Refusal.Invalid("intoId", "intoId must be another existing label.");
        }

        var moved = await RetireAsync(sourceId, intoId, actor,
            d => d.Labels.Contains(sourceId) ? new ResourcePatch { Labels = d.Labels.Select(l => l == sourceId ? intoId : l).Distinct().ToList() } : null, ct);
        return moved.IsSuccess ? new LabelMergeView(ToView(into), moved.Value) : moved.Error!;
    }

    /// <summary>
    /// Takes a label off every resource with <paramref name="change"/> and deletes it once no resource carries it;
    /// answers how many resources changed.
    /// </summary>
    /// <remarks>
    /// A resource may take the label (a concurrent PATCH) until the label row is gone, so the delete is tried first and
    /// rolled back while resources carry it (<see cref="LabelStore.DeleteUnusedAsync"/>); those are changed and the
    /// delete tried again. Once it succeeds no resource carries the label and none can take it any more.
    /// </remarks>
    private async Task<Outcome<int>> RetireAsync(Guid labelId, Guid? intoId, Actor actor, Func<ResourceDetails, ResourcePatch?> change, CancellationToken ct)
    {
        var changed = 0;
        for (var round = 0; round < MaxRounds; round++)
        {
            var carriers = await labels.DeleteUnusedAsync(labelId, ct);
            if (carriers.Count == 0)
            {
                return changed;
            }

            // A merge target deleted meanwhile refuses every move into it (the resource fence checks it exists).
            if (intoId is { } into && await labels.GetAsync(into, ct) is null)
            {
                return Refusal.Invalid("intoId", "intoId must be another existing label.");
            }

            changed += await relabeller.ApplyAsync(carriers, actor, change, ct);
        }

        return new DomainError(ErrorKind.Unavailable, ProblemCode.StorageContention, "Resources kept taking the label while it was being removed; try again.");
    }

    private static DomainError? Validate(LabelRequest request, bool required)
    {
        var errors = new Dictionary<string, string[]>();
        if ((required || request.Category is not null) && (string.IsNullOrWhiteSpace(request.Category) || request.Category.Trim().Length > MaxTextLength))
        {
            errors["category"] = [$"The category is required, at most {MaxTextLength} characters."];
        }

        if ((required || request.Value is not null) && (string.IsNullOrWhiteSpace(request.Value) || request.Value.Trim().Length > MaxTextLength))
        {
            errors["value"] = [$"The value is required, at most {MaxTextLength} characters."];
        }

        if ((required || request.Color is not null) && (request.Color is null || !ColorPattern().IsMatch(request.Color)))
        {
            errors["color"] = ["The colour is #RRGGBB (six hexadecimal digits)."];
        }

        return errors.Count == 0 ? null : Refusal.Fields(errors);
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex ColorPattern();

    private static Outcome<LabelView> View(Outcome<LabelRecord> outcome) => outcome.IsSuccess ? ToView(outcome.Value!) : outcome.Error!;

    private static LabelView ToView(LabelRecord l) => new(l.Id, l.Category, l.Value, l.Color);

    private static DomainError NotFound(string id) =>
        DomainError.NotFound(ProblemCode.LabelNotFound, $"Label '{(id.Length > 64 ? id[..64] + "…" : id)}' does not exist.");
}
