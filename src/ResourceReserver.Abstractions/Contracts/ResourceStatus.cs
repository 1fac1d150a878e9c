namespace ResourceReserver.Contracts;

/// <summary>Whether a resource takes bookings.</summary>
public enum ResourceStatus
{
    /// <summary>Open for bookings.</summary>
    Available = 0,

    /// <summary>Switched off by an administrator until switched back on.</summary>
    Disabled = 1,

    /// <summary>Under maintenance, optionally until an automatic reset.</summary>
    Maintenance = 2,
}
