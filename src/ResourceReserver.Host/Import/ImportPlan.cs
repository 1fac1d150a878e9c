using ResourceReserver.Contracts;

namespace ResourceReserver.Host.Import;

/// <summary>What an import would do, decided before anything is written: the rows to create and to update, or the problems.</summary>
public sealed record ImportPlan(int Rows, IReadOnlyList<PlannedCreate> Creates, IReadOnlyList<PlannedUpdate> Updates, IReadOnlyList<ImportRowError> Errors)
{
    /// <summary>The answer to a preview, and the body of a refusal.</summary>
    public ImportPreview ToPreview() => new(Rows, Creates.Count, Updates.Count, Errors);
}

/// <summary>A new resource: its row, its details and whether it starts available (else disabled).</summary>
public sealed record PlannedCreate(int Row, ResourceDetails Details, bool Available);

/// <summary>
/// An existing resource matched by name: the changes to apply (null when none) and the status to set (null to keep).
/// </summary>
public sealed record PlannedUpdate(int Row, ResourceSnapshot Current, ResourcePatch? Patch, ResourceStatus? Status);
