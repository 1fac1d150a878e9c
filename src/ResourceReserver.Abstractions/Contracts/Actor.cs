namespace ResourceReserver.Contracts;

/// <summary>
/// Who asks for a change: grains check ownership against it. <see cref="IsAdmin"/> means "may act on other users'
/// bookings" (permission <c>reservations.manage</c>), the one elevated right grains decide on;
/// <see cref="Permissions"/> carries the whole set for the application services.
/// </summary>
[GenerateSerializer, Immutable, Alias("rr.Actor")]
public readonly record struct Actor([property: Id(0)] Guid UserId, [property: Id(1)] bool IsAdmin)
{
    /// <summary>Everything the actor may do (the union of its roles', narrowed by an OAuth2 client's scopes).</summary>
    [Id(2)]
    public Permission Permissions { get; init; }

    /// <summary>An actor with exactly <paramref name="permissions"/>.</summary>
    public static Actor With(Guid userId, Permission permissions) =>
        new(userId, permissions.HasFlag(Permission.ReservationsManage)) { Permissions = permissions };

    /// <summary>True when the actor holds <paramref name="permission"/>.</summary>
    public bool Has(Permission permission) => (Permissions & permission) == permission;
}
