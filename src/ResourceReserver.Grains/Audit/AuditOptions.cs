using System.ComponentModel.DataAnnotations;

namespace ResourceReserver.Audit;

/// <summary>The audit log's settings (<c>Audit:*</c>).</summary>
public sealed class AuditOptions
{
    /// <summary>How many days an entry is kept; older ones are purged once a day.</summary>
    [Range(1, 36_500)]
    public int RetentionDays { get; set; } = 365;
}
