namespace ResourceReserver.Host.ApiDocs;

/// <summary>
/// The request fields a call cannot do without. Request records take every field as nullable, so a missing one
/// is a readable 422 naming it rather than a binding failure; this list tells the OpenAPI document which ones
/// the endpoints insist on (the rest are optional).
/// </summary>
public static class RequiredFields
{
    private static readonly Dictionary<Type, string[]> ByType = new()
    {
        [typeof(RegisterRequest)] = ["username", "password"],
        [typeof(ChangePasswordRequest)] = ["currentPassword", "newPassword"],
        [typeof(ResetPasswordRequest)] = ["newPassword"],
        [typeof(CreateRoleRequest)] = ["name", "permissions"],
        [typeof(AssignRoleRequest)] = ["role"],
        [typeof(MfaCodeRequest)] = ["code"],
        [typeof(MfaDisableRequest)] = ["password", "code"],
        [typeof(CreateClientRequest)] = ["name", "scopes", "grantTypes"],
        [typeof(CreateResourceRequest)] = ["name"],
        [typeof(OpeningPeriodBody)] = ["day", "opens", "closes"],
        [typeof(SetStatusRequest)] = ["status"],
        [typeof(CreateReservationRequest)] = ["resourceId", "start", "end"],
        [typeof(CreateSeriesRequest)] = ["resourceId", "start", "end", "rule"],
        [typeof(CreateHoldRequest)] = ["resourceId", "start", "end"],
        [typeof(JoinWaitlistRequest)] = ["resourceId", "start", "end"],
        [typeof(FlexibleRequest)] = ["earliest", "latest"],
    };

    /// <summary>True when <paramref name="jsonName"/> must be in a <paramref name="type"/> body.</summary>
    public static bool Contains(Type? type, string jsonName) =>
        type is not null && ByType.TryGetValue(type, out var names) && names.Contains(jsonName, StringComparer.Ordinal);
}
