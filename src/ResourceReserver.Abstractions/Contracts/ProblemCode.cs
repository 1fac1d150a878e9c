using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ResourceReserver.Contracts;

/// <summary>
/// A stable snake_case problem code: the closed set every refusal picks from (the constructor is private), so the
/// problem texts can be checked for every code there is, in every language (<c>ProblemText*.resx</c> in the host).
/// A new code is a new field here plus its texts; codes never change once published.
/// </summary>
[JsonConverter(typeof(Converter))]
public sealed class ProblemCode
{
    public static readonly ProblemCode AccountDisabled = new("account_disabled");
    public static readonly ProblemCode AccountLocked = new("account_locked");
    public static readonly ProblemCode AlreadyAccepted = new("already_accepted");
    public static readonly ProblemCode AlreadyCancelled = new("already_cancelled");
    public static readonly ProblemCode AlreadyWaiting = new("already_waiting");
    public static readonly ProblemCode BadRequest = new("bad_request");
    public static readonly ProblemCode BlackoutDate = new("blackout_date");
    public static readonly ProblemCode BookingConflict = new("booking_conflict");
    public static readonly ProblemCode BuiltinRole = new("builtin_role");
    public static readonly ProblemCode CapacityBelowBookings = new("capacity_below_bookings");
    public static readonly ProblemCode ClientExists = new("client_exists");
    public static readonly ProblemCode ClientNotFound = new("client_not_found");
    public static readonly ProblemCode Conflict = new("conflict");
    public static readonly ProblemCode CsvInvalid = new("csv_invalid");
    public static readonly ProblemCode DeliveryNotFound = new("delivery_not_found");
    public static readonly ProblemCode DuplicateEntryId = new("duplicate_entry_id");
    public static readonly ProblemCode DuplicateHoldId = new("duplicate_hold_id");
    public static readonly ProblemCode DuplicateReservationId = new("duplicate_reservation_id");
    public static readonly ProblemCode DurationOutOfRange = new("duration_out_of_range");
    public static readonly ProblemCode EntryClosed = new("entry_closed");
    public static readonly ProblemCode FeedNotFound = new("feed_not_found");
    public static readonly ProblemCode FlexibleRangeTooShort = new("flexible_range_too_short");
    public static readonly ProblemCode Forbidden = new("forbidden");
    public static readonly ProblemCode GroupCycle = new("group_cycle");
    public static readonly ProblemCode GroupNameTaken = new("group_name_taken");
    public static readonly ProblemCode GroupNotEmpty = new("group_not_empty");
    public static readonly ProblemCode GroupNotFound = new("group_not_found");
    public static readonly ProblemCode HoldExpired = new("hold_expired");
    public static readonly ProblemCode HoldNotFound = new("hold_not_found");
    public static readonly ProblemCode IdempotencyKeyReused = new("idempotency_key_reused");
    public static readonly ProblemCode InsufficientScope = new("insufficient_scope");
    public static readonly ProblemCode InternalError = new("internal_error");
    public static readonly ProblemCode InvalidAutoReset = new("invalid_auto_reset");
    public static readonly ProblemCode InvalidClient = new("invalid_client");
    public static readonly ProblemCode InvalidCode = new("invalid_code");
    public static readonly ProblemCode InvalidCredentials = new("invalid_credentials");
    public static readonly ProblemCode InvalidCurrentPassword = new("invalid_current_password");
    public static readonly ProblemCode InvalidFlexibleRange = new("invalid_flexible_range");
    public static readonly ProblemCode InvalidGrant = new("invalid_grant");
    public static readonly ProblemCode InvalidHoldTiming = new("invalid_hold_timing");
    public static readonly ProblemCode InvalidInterval = new("invalid_interval");
    public static readonly ProblemCode InvalidMfaCode = new("invalid_mfa_code");
    public static readonly ProblemCode InvalidQuantity = new("invalid_quantity");
    public static readonly ProblemCode InvalidRedirectUri = new("invalid_redirect_uri");
    public static readonly ProblemCode InvalidRequest = new("invalid_request");
    public static readonly ProblemCode InvalidRrule = new("invalid_rrule");
    public static readonly ProblemCode InvalidScope = new("invalid_scope");
    public static readonly ProblemCode InvalidSiloAddress = new("invalid_silo_address");
    public static readonly ProblemCode InvalidTime = new("invalid_time");
    public static readonly ProblemCode LabelNotFound = new("label_not_found");
    public static readonly ProblemCode LabelTaken = new("label_taken");
    public static readonly ProblemCode LastAdmin = new("last_admin");
    public static readonly ProblemCode MalformedRequest = new("malformed_request");
    public static readonly ProblemCode MethodNotAllowed = new("method_not_allowed");
    public static readonly ProblemCode MfaAlreadyEnabled = new("mfa_already_enabled");
    public static readonly ProblemCode MfaNotEnabled = new("mfa_not_enabled");
    public static readonly ProblemCode MfaNotSetUp = new("mfa_not_set_up");
    public static readonly ProblemCode MfaRequired = new("mfa_required");
    public static readonly ProblemCode NameTaken = new("name_taken");
    public static readonly ProblemCode NoAvailability = new("no_availability");
    public static readonly ProblemCode NoOffer = new("no_offer");
    public static readonly ProblemCode NotFound = new("not_found");
    public static readonly ProblemCode NotPendingApproval = new("not_pending_approval");
    public static readonly ProblemCode NothingDue = new("nothing_due");
    public static readonly ProblemCode NothingEnded = new("nothing_ended");
    public static readonly ProblemCode NothingSettled = new("nothing_settled");
    public static readonly ProblemCode NotificationNotFound = new("notification_not_found");
    public static readonly ProblemCode OfferExpired = new("offer_expired");
    public static readonly ProblemCode OutsideBusinessHours = new("outside_business_hours");
    public static readonly ProblemCode PayloadTooLarge = new("payload_too_large");
    public static readonly ProblemCode PendingApproval = new("pending_approval");
    public static readonly ProblemCode QuotaExceeded = new("quota_exceeded");
    public static readonly ProblemCode RateLimited = new("rate_limited");
    public static readonly ProblemCode ReservationEnded = new("reservation_ended");
    public static readonly ProblemCode ReservationNotFound = new("reservation_not_found");
    public static readonly ProblemCode ReservationStarted = new("reservation_started");
    public static readonly ProblemCode ResourceExists = new("resource_exists");
    public static readonly ProblemCode ResourceNotFound = new("resource_not_found");
    public static readonly ProblemCode ResourceUnavailable = new("resource_unavailable");
    public static readonly ProblemCode RoleExists = new("role_exists");
    public static readonly ProblemCode RoleNotFound = new("role_not_found");
    public static readonly ProblemCode SavedSearchLimit = new("saved_search_limit");
    public static readonly ProblemCode SavedSearchNotFound = new("saved_search_not_found");
    public static readonly ProblemCode ScopeExceedsPermissions = new("scope_exceeds_permissions");
    public static readonly ProblemCode SeriesConflict = new("series_conflict");
    public static readonly ProblemCode SeriesEmpty = new("series_empty");
    public static readonly ProblemCode SeriesTooLong = new("series_too_long");
    public static readonly ProblemCode SettlementFailed = new("settlement_failed");
    public static readonly ProblemCode StorageContention = new("storage_contention");
    public static readonly ProblemCode StorageUnavailable = new("storage_unavailable");
    public static readonly ProblemCode TagNotFound = new("tag_not_found");
    public static readonly ProblemCode TemporarilyUnavailable = new("temporarily_unavailable");
    public static readonly ProblemCode TextTooLong = new("text_too_long");
    public static readonly ProblemCode TooEarly = new("too_early");
    public static readonly ProblemCode TooLate = new("too_late");
    public static readonly ProblemCode TooManyActiveReservations = new("too_many_active_reservations");
    public static readonly ProblemCode TooManyClients = new("too_many_clients");
    public static readonly ProblemCode TooManyEntries = new("too_many_entries");
    public static readonly ProblemCode TooManyIdempotencyKeys = new("too_many_idempotency_keys");
    public static readonly ProblemCode TooManyTokens = new("too_many_tokens");
    public static readonly ProblemCode Unauthorized = new("unauthorized");
    public static readonly ProblemCode UnauthorizedClient = new("unauthorized_client");
    public static readonly ProblemCode UnknownField = new("unknown_field");
    public static readonly ProblemCode UnknownPermission = new("unknown_permission");
    public static readonly ProblemCode UnsupportedCharset = new("unsupported_charset");
    public static readonly ProblemCode UnsupportedGrantType = new("unsupported_grant_type");
    public static readonly ProblemCode UnsupportedMediaType = new("unsupported_media_type");
    public static readonly ProblemCode UserExists = new("user_exists");
    public static readonly ProblemCode UserNotFound = new("user_not_found");
    public static readonly ProblemCode UserStatisticsDisabled = new("user_statistics_disabled");
    public static readonly ProblemCode UsernameTaken = new("username_taken");
    public static readonly ProblemCode ValidationFailed = new("validation_failed");
    public static readonly ProblemCode WaitlistEntryNotFound = new("waitlist_entry_not_found");
    public static readonly ProblemCode WeakPassword = new("weak_password");
    public static readonly ProblemCode WebhookNotFound = new("webhook_not_found");
    public static readonly ProblemCode WindowInPast = new("window_in_past");
    public static readonly ProblemCode WindowTooLong = new("window_too_long");

    private static readonly Lazy<IReadOnlyDictionary<string, ProblemCode>> ByValue = new(() =>
        typeof(ProblemCode).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ProblemCode))
            .Select(f => (ProblemCode)f.GetValue(null)!)
            .ToDictionary(c => c.Value, StringComparer.Ordinal));

    private ProblemCode(string value) => Value = value;

    /// <summary>Every code the code base can produce.</summary>
    public static IReadOnlyCollection<ProblemCode> All => [.. ByValue.Value.Values];

    /// <summary>The code as it travels: <c>booking_conflict</c>.</summary>
    public string Value { get; }

    /// <summary>The code named <paramref name="value"/>, or null when there is none.</summary>
    public static ProblemCode? Find(string? value) => value is not null && ByValue.Value.TryGetValue(value, out var code) ? code : null;

    /// <summary>The code's text.</summary>
    public static implicit operator string(ProblemCode code) => code.Value;

    /// <inheritdoc />
    public override string ToString() => Value;

    private sealed class Converter : JsonConverter<ProblemCode>
    {
        public override ProblemCode? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Find(reader.GetString());

        public override void Write(Utf8JsonWriter writer, ProblemCode value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
    }
}
