namespace ResourceReserver.Audit;

/// <summary>
/// Audit action names beside the domain event types (<c>reservation.created</c>, <c>resource.updated</c>,
/// <c>waitlist.joined</c>, ..., which name their entries themselves).
/// </summary>
public static class AuditActions
{
    public const string SignIn = "auth.sign_in";
    public const string SignOut = "auth.sign_out";
    public const string TokenRefresh = "auth.token_refresh";
    public const string SessionRevoked = "auth.session_revoked";
    public const string AccountLocked = "auth.account_locked";
    public const string PasswordChanged = "auth.password_changed";
    public const string PasswordReset = "auth.password_reset";

    public const string MfaSetup = "mfa.setup";
    public const string MfaEnabled = "mfa.enabled";
    public const string MfaDisabled = "mfa.disabled";
    public const string MfaBackupCodes = "mfa.backup_codes";
    public const string MfaReset = "mfa.reset";

    public const string UserRegistered = "user.created";
    public const string ProfileUpdated = "user.updated";
    public const string RolesChanged = "user.roles_changed";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string UserDeleted = "user.deleted";

    public const string RoleCreated = "role.created";
    public const string RoleUpdated = "role.updated";
    public const string RoleDeleted = "role.deleted";

    public const string ClientCreated = "oauth.client_created";
    public const string ClientSecretRotated = "oauth.client_secret_rotated";
    public const string ClientDeleted = "oauth.client_deleted";
    public const string CodeIssued = "oauth.code_issued";
    public const string ClientToken = "oauth.token";
    public const string ClientTokenRevoked = "oauth.token_revoked";

    public const string HoldTimingChanged = "resource.hold_timing_changed";

    public const string WebhookCreated = "webhook.created";
    public const string WebhookUpdated = "webhook.updated";
    public const string WebhookDeleted = "webhook.deleted";
    public const string WebhookSecretRotated = "webhook.secret_rotated";
    public const string WebhookTested = "webhook.tested";
    public const string WebhookRetried = "webhook.delivery_retried";

    public const string CalendarFeedRotated = "calendar.feed_rotated";
    public const string NotificationsRead = "notifications.read";

    public const string AuditExported = "audit.exported";
    public const string AuditPurged = "audit.purged";
    public const string AccessDenied = "access.denied";
}
