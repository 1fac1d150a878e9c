using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ResourceReserver.Host.ApiDocs;

/// <summary>
/// A summary and a description for every operation, by operation id (the endpoint's name), in one place so a test can
/// check none is missing. The Orleans dashboard's own routes are described by their path.
/// </summary>
public sealed class OperationTexts : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, (string Summary, string Description)> Texts = new()
    {
        ["Register"] = ("Register an account", "Creates an account; the first account ever created becomes the administrator. Passwords need 8–128 characters with upper, lower, digit and symbol."),
        ["Token"] = ("Get an access token", "OAuth2 token endpoint (RFC 6749), form or JSON: grant_type password (username, password, mfa_code), refresh_token, client_credentials or authorization_code. Refresh tokens rotate."),
        ["Logout"] = ("Sign out everywhere", "Revokes every refresh-token family of the account."),
        ["GetMe"] = ("Your profile", "Profile, roles, preferences (e-mail, reminder lead times, language), status and MFA state."),
        ["UpdateMe"] = ("Change your profile", "E-mail (\"\" removes it), e-mail notifications, reminder lead times and the language of notifications and e-mail (en, es, fr)."),
        ["MyPermissions"] = ("Your roles and permissions", "The union of your roles' permissions."),
        ["ChangePassword"] = ("Change your password", "Needs the current password; every other session ends."),
        ["ListUsers"] = ("List users", "Filter by name, role and status; cursor-paginated."),
        ["GetUser"] = ("One user", "Profile, roles, status and MFA state of a user."),
        ["DeleteUser"] = ("Delete a user", "Cancels their future reservations, erases personal data and keeps history as \"deleted user\"."),
        ["AssignRole"] = ("Give a user a role", "Adds a built-in or custom role to the user."),
        ["AssignRoleByName"] = ("Give a user a role, by username", "Same as giving a role by id, naming the user by username."),
        ["RemoveRole"] = ("Take a role from a user", "Refused with last_admin when no active administrator would be left."),
        ["DisableUser"] = ("Disable a user", "The account cannot sign in and every session is revoked."),
        ["EnableUser"] = ("Enable a user", "The account can sign in again."),
        ["ResetPassword"] = ("Reset a user's password", "Sets a new password for the user and revokes every session."),
        ["ResetMfa"] = ("Turn off a user's MFA", "For a user locked out of their authenticator."),
        ["ListRoles"] = ("List roles", "Built-in and custom roles with their permissions."),
        ["CreateRole"] = ("Create a role", "A custom role picks permissions from the fixed set."),
        ["UpdateRole"] = ("Change a role", "Description and permissions of a custom role; built-in roles are immutable."),
        ["DeleteRole"] = ("Delete a role", "Removes a custom role from its users too."),
        ["SetupMfa"] = ("Start MFA enrolment", "Returns a TOTP secret, its otpauth URI and QR code, and 10 backup codes; not active until enabled."),
        ["EnableMfa"] = ("Turn MFA on", "Needs a current code from the authenticator."),
        ["DisableMfa"] = ("Turn MFA off", "Needs the password and a current code."),
        ["RegenerateBackupCodes"] = ("New backup codes", "Replaces the backup codes; the old ones stop working."),
        ["CreateOAuthClient"] = ("Register an OAuth2 client", "The client secret is shown only in this answer."),
        ["ListOAuthClients"] = ("List OAuth2 clients", "Your clients (or a user's, for user managers)."),
        ["DeleteOAuthClient"] = ("Delete an OAuth2 client", "Its tokens stop working."),
        ["RotateOAuthClientSecret"] = ("Rotate a client secret", "Issues a new secret, shown only in this answer."),
        ["Authorize"] = ("Authorize a client (code flow)", "PKCE S256 required; redirects to redirect_uri with a code and the state."),
        ["RevokeToken"] = ("Revoke a token", "RFC 7009: the client revokes one of its access or refresh tokens."),
        ["IntrospectToken"] = ("Introspect a token", "RFC 7662: whether a token is active, with its scope, subject and expiry."),
        ["CreateResource"] = ("Create a resource", "Name, tags, capacity, time zone, attributes, location and booking rules; answers with its Location."),
        ["ListResources"] = ("List resources", "Search by text, tags and status, or by free time between availableFrom and availableUntil; cursor-paginated."),
        ["ResourceTags"] = ("Tags with counts", "Every tag used by a resource, with how many resources carry it."),
        ["GetResource"] = ("One resource", "Details, status and booking rules."),
        ["UpdateResource"] = ("Change a resource", "Partial update: only the fields present change."),
        ["ImportResources"] = ("Import resources from CSV", "text/csv or a multipart file; columns name,description,tags,capacity,timeZone,location,group,available (name required, any order). Matched by name: existing resources are updated. dryRun=true previews; any error refuses the whole file (422 csv_invalid, nothing imported). Up to 10,000 rows."),
        ["ExportResources"] = ("Export resources as CSV", "Every live resource with the import's columns, streamed; imports back unchanged."),
        ["ExportReservations"] = ("Export reservations as CSV", "Your reservations (everyone's with reservations.manage), filtered by from, until, resourceId and userId; streamed."),
        ["DeleteResource"] = ("Delete a resource", "Future reservations are cancelled and their owners notified."),
        ["ResourceAvailability"] = ("Busy and free time", "Busy and free intervals between from and until (at most 93 days)."),
        ["SetResourceStatus"] = ("Set a resource's status", "available, disabled or maintenance, optionally back to available after an ISO 8601 duration."),
        ["AvailabilitySummary"] = ("Availability of all resources", "For each resource, whether it is free now and when it is next free."),
        ["ResourceSlots"] = ("Free slots", "Bookable slots of a given length within a window, following the resource's rules."),
        ["ResourceNextAvailable"] = ("Next free slot", "The earliest bookable slot of a given length."),
        ["GetHoldTiming"] = ("Hold and offer timing", "How long a hold lasts and how long a waitlist offer stays open (ISO 8601 durations)."),
        ["SetHoldTiming"] = ("Change hold and offer timing", "holdDuration 1 second to 1 day, offerWindow 1 second to 7 days (ISO 8601 durations)."),
        ["CreateReservation"] = ("Book a resource", "Books [start, end) if every rule allows it; 409 booking_conflict lists the conflicts and suggests free slots. Honours Idempotency-Key. On a resource that requires approval the answer is 202 with status pending_approval: the request holds the time until an approver decides or approvalExpiresAt passes."),
        ["ListReservations"] = ("List reservations", "Your reservations (managers may filter by user or resource), by time and status; cursor-paginated."),
        ["GetReservation"] = ("One reservation", "For its owner and reservation managers."),
        ["ChangeReservation"] = ("Change a reservation", "Move, shorten, extend or retitle it under the same rules as a booking."),
        ["CancelReservation"] = ("Cancel a reservation", "Frees the time; the waitlist is offered the slot."),
        ["ReservationHistory"] = ("A reservation's history", "Its events, oldest first."),
        ["CreateReservationSeries"] = ("Book a recurring series", "An RRULE from the first occurrence; all or nothing, or skipping conflicts when onConflict says so."),
        ["CancelReservationSeries"] = ("Cancel a series", "This occurrence, this and the following ones, or all."),
        ["ReservationIcs"] = ("A reservation as iCalendar", "An .ics file with the resource's time zone."),
        ["CreateHold"] = ("Hold a slot", "Blocks the slot for a few minutes under the same rules as a booking; confirm it to book."),
        ["GetHold"] = ("One hold", "The standing hold and when it expires."),
        ["ReleaseHold"] = ("Release a hold", "Frees the slot; the waitlist is offered it."),
        ["ConfirmHold"] = ("Confirm a hold", "Turns the hold into a confirmed reservation with the same id (202 pending_approval on a resource that requires approval); 410 once it lapsed."),
        ["ListApprovals"] = ("Requests you may decide", "Requests on resources that require approval which the caller may decide (listed approvers, else approvals.decide holders; administrators always), with requester, resource name and time zone; status pending (default), approved or rejected; cursor-paginated."),
        ["ApproveReservation"] = ("Approve a request", "The pending request becomes a confirmed reservation on the capacity it held; message (optional, up to 1000 characters) goes to the requester. 409 not_pending_approval once decided, cancelled or expired."),
        ["RejectReservation"] = ("Reject a request", "message is required (up to 1000 characters) and goes to the requester; the time is freed and offered to the waitlist. 409 not_pending_approval once decided, cancelled or expired."),
        ["JoinWaitlist"] = ("Join a waitlist", "Wait for an exact window, or any window of the same length inside a flexible range."),
        ["ListMyWaitlistEntries"] = ("Your waitlist entries", "With status and position."),
        ["ListResourceWaitlist"] = ("A resource's waitlist", "Every entry in join order."),
        ["GetWaitlistEntry"] = ("One waitlist entry", "Status, position and any standing offer."),
        ["LeaveWaitlist"] = ("Leave a waitlist", "A standing offer passes to the next entry."),
        ["AcceptWaitlistOffer"] = ("Accept an offer", "Books the offered slot exactly once; 410 once the offer lapsed."),
        ["DeclineWaitlistOffer"] = ("Decline an offer", "The slot is offered to the next entry."),
        ["CalendarSubscription"] = ("Your calendar feed URL", "A secret URL of an iCalendar feed of your reservations."),
        ["RotateCalendarSubscription"] = ("Replace your calendar feed URL", "The old URL stops working."),
        ["CalendarFeed"] = ("Calendar feed", "The iCalendar feed behind a secret URL; no sign-in."),
        ["ListNotifications"] = ("Your notifications", "Newest first, optionally only unread; worded in your saved language."),
        ["MarkNotificationRead"] = ("Mark a notification read", "Only your own."),
        ["MarkAllNotificationsRead"] = ("Mark all notifications read", "Answers how many were marked."),
        ["ListWebhookEvents"] = ("Webhook event types", "Every event type a webhook can subscribe to."),
        ["CreateWebhook"] = ("Create a webhook", "The signing secret is shown only in this answer."),
        ["ListWebhooks"] = ("List webhooks", "Every webhook, without secrets."),
        ["GetWebhook"] = ("One webhook", "Its address, events and state, without the secret."),
        ["UpdateWebhook"] = ("Change a webhook", "Address, events, description or active."),
        ["DeleteWebhook"] = ("Delete a webhook", "No more deliveries are made."),
        ["RotateWebhookSecret"] = ("Rotate a webhook secret", "Issues a new signing secret, shown only in this answer."),
        ["TestWebhook"] = ("Send a test delivery", "Queues a signed webhook.test delivery."),
        ["ListWebhookDeliveries"] = ("A webhook's deliveries", "Attempts, status and answers, newest first."),
        ["RetryWebhookDelivery"] = ("Retry a delivery", "Makes the delivery due now (one more attempt, same webhook-id)."),
        ["AnalyticsUtilization"] = ("Utilisation per resource", "Booked hours (confirmed bookings clipped to the window, times quantity) against open hours (business hours in the window in the resource's zone, times capacity)."),
        ["AnalyticsPopular"] = ("Most booked resources", "Resources with bookings in the window, ranked by bookings, then booked hours; limit 1–100 (default 10)."),
        ["AnalyticsPeak"] = ("Bookings by weekday and hour", "Each confirmed booking starting in the window, counted once in the hour of its start in timeZone (default UTC); weekday 1 = Monday … 7 = Sunday."),
        ["AnalyticsUsers"] = ("Bookings per user", "Per user: bookings, booked hours, cancellations and no-shows in the window. 403 user_statistics_disabled when per-person statistics are switched off."),
        ["AnalyticsDashboard"] = ("Analytics at a glance", "Totals, the five most booked resources, the five busiest hours and, when per-person statistics are on, the five most active users."),
        ["AnalyticsExport"] = ("Export a report as CSV", "report is utilization, popular, peak or users; the same filters as the report."),
        ["CreateGroup"] = ("Create a group", "A building, floor, area or other group, optionally under a parent; names are unique among siblings."),
        ["ListGroups"] = ("List groups", "Every group, flat, with its parent; cursor-paginated."),
        ["GroupTree"] = ("The group tree", "Groups nested under their parents, with the number of resources in each."),
        ["GetGroup"] = ("One group", "Its name, kind, parent and description."),
        ["UpdateGroup"] = ("Change a group", "Rename, describe or move it; moving it under itself or a descendant is refused with group_cycle."),
        ["DeleteGroup"] = ("Delete a group", "Only an empty group: one that still holds subgroups or resources is refused with group_not_empty."),
        ["RenameTag"] = ("Rename a tag", "Renames the tag on every resource; renaming into an existing tag merges the two."),
        ["DeleteTag"] = ("Delete a tag", "Removes the tag from every resource."),
        ["CreateLabel"] = ("Create a label", "A category, a value and a colour (#RRGGBB); category and value are unique together."),
        ["ListLabels"] = ("List labels", "Every label with its category, value and colour."),
        ["GetLabel"] = ("One label", "Its category, value and colour."),
        ["UpdateLabel"] = ("Change a label", "Category, value or colour."),
        ["DeleteLabel"] = ("Delete a label", "Removes the label and takes it off every resource."),
        ["MergeLabel"] = ("Merge a label into another", "Resources carrying this label carry the target label instead; this label is deleted."),
        ["SearchSuggestions"] = ("Search suggestions", "Up to 10 resources, tags, groups and labels matching the text by prefix or with a typo."),
        ["CreateSavedSearch"] = ("Save a search", "A named set of resource filters, kept for you only."),
        ["ListSavedSearches"] = ("Your saved searches", "Your saved searches, oldest first."),
        ["DeleteSavedSearch"] = ("Delete a saved search", "Only your own."),
        ["RunSavedSearch"] = ("Run a saved search", "The resources its filters match now."),
        ["MyQuota"] = ("Your booking quota today", "Your daily booking quota (your tier's default or an administrator's override), how many bookings you made today and when the count resets."),
        ["SetUserQuota"] = ("Set a user's daily quota", "Overrides the tier's daily booking quota for one user; null returns them to the tier default."),
        ["MyActivity"] = ("Your activity", "Audit entries about your own account and actions, newest first; filter by action and time; cursor-paginated."),
        ["ListAuditEntries"] = ("List audit entries", "Every change and security event, newest first; filter by actor, action, entity, outcome and time; cursor-paginated."),
        ["ExportAuditEntries"] = ("Export audit entries", "The filtered entries streamed as CSV (default) or JSON (format=json), without paging."),
        ["AuditStats"] = ("Audit statistics", "The number of entries in a time window, by action and by UTC day."),
    };

    /// <summary>The operation ids that have texts.</summary>
    public static IReadOnlyCollection<string> Described => Texts.Keys;

    /// <inheritdoc />
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is { } id && Texts.TryGetValue(id, out var text))
        {
            operation.Summary ??= text.Summary;
            operation.Description ??= text.Description;
            if (operation.Responses?.TryGetValue("202", out var accepted) == true && accepted is OpenApiResponse pending)
            {
                pending.Description = "The resource requires approval: the request is pending_approval and holds its time until an approver decides or approvalExpiresAt passes.";
            }
        }
        else if (context.Description.RelativePath is { } path && path.StartsWith("dashboard", StringComparison.Ordinal))
        {
            var page = path.Length > "dashboard".Length ? path["dashboard/".Length..] : "index";
            operation.Summary ??= $"Orleans dashboard: {page}";
            operation.Description ??= "Part of the Orleans dashboard (Microsoft.Orleans.Dashboard) at /dashboard, for administrators.";
            operation.OperationId ??= "Dashboard" + string.Concat(page.Split('/', '.', '{', '}', '-').Where(s => s.Length > 0).Select(s => char.ToUpperInvariant(s[0]) + s[1..]));
            operation.Tags = new HashSet<OpenApiTagReference> { new(DocumentShape.DashboardTag, context.Document) };
        }

        return Task.CompletedTask;
    }
}
