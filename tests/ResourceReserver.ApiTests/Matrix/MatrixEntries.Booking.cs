using ResourceReserver.ApiTests.Fixtures;
using ResourceReserver.Contracts;
using static ResourceReserver.ApiTests.Matrix.MatrixRule;

namespace ResourceReserver.ApiTests.Matrix;

public static partial class MatrixEntries
{
    private const Permission Book = Permission.ReservationsBook, Manage = Permission.ReservationsManage, Resources = Permission.ResourcesManage;

    /// <summary>Every entry, accounts and booking alike.</summary>
    public static IReadOnlyList<MatrixEntry> All { get; } = [.. Accounts(), .. Booking(), .. Integrations(), .. Audit(), .. Organisation(), .. Analytics(), .. Csv()];

    private static Func<MatrixWorld, Who, Task<object?>> Slot(Func<DateTimeOffset, Guid, object> body) =>
        (w, _) => Task.FromResult<object?>(body(w.NextSlot(), w.ResourceId));

    private static IEnumerable<MatrixEntry> Booking() =>
    [
        E("POST", "/api/v1/resources/", Needs(Resources), 201, Admin, At("/api/v1/resources"),
            (_, _) => Task.FromResult<object?>(new { name = "Matrix " + Guid.NewGuid().ToString("N")[..10], capacity = 1 })),
        E("GET", "/api/v1/resources/", Public, 200, Read, At("/api/v1/resources")),
        E("GET", "/api/v1/resources/tags", Public, 200, Read, At("/api/v1/resources/tags")),
        E("GET", "/api/v1/resources/summary", Public, 200, Read, At("/api/v1/resources/summary")),
        E("GET", "/api/v1/resources/{id}", Public, 200, Read, (w, _) => Task.FromResult($"/api/v1/resources/{w.ResourceId}")),
        E("PATCH", "/api/v1/resources/{id}", Needs(Resources), 200, Admin, async (w, _) => $"/api/v1/resources/{await w.FreshResourceAsync()}", Json(new { description = "x" })),
        E("DELETE", "/api/v1/resources/{id}", Needs(Resources), 204, Admin, async (w, _) => $"/api/v1/resources/{await w.FreshResourceAsync()}"),
        E("GET", "/api/v1/resources/{id}/availability", Public, 200, Read, (w, _) => Task.FromResult($"/api/v1/resources/{w.ResourceId}/availability")),
        E("PUT", "/api/v1/resources/{id}/status", Needs(Resources), 200, Admin,
            async (w, _) => $"/api/v1/resources/{await w.FreshResourceAsync()}/status", Json(new { status = "available" })),
        E("GET", "/api/v1/resources/{id}/slots", Public, 200, Read,
            (w, _) => Task.FromResult($"/api/v1/resources/{w.ResourceId}/slots?date={DateTime.UtcNow.AddDays(20):yyyy-MM-dd}&duration=60")),
        E("GET", "/api/v1/resources/{id}/next-available", Public, 200, Read, (w, _) => Task.FromResult($"/api/v1/resources/{w.ResourceId}/next-available?duration=60")),
        E("GET", "/api/v1/resources/{id}/hold-timing", Public, 200, Read, (w, _) => Task.FromResult($"/api/v1/resources/{w.ResourceId}/hold-timing")),
        E("PUT", "/api/v1/resources/{id}/hold-timing", Needs(Resources), 200, Admin,
            async (w, _) => $"/api/v1/resources/{await w.FreshResourceAsync()}/hold-timing", Json(new { holdDuration = "PT5M" })),

        E("POST", "/api/v1/reservations/", Needs(Book), 201, Write, At("/api/v1/reservations"), Slot((s, r) => new { resourceId = r, start = s, end = s.AddHours(1) })),
        E("GET", "/api/v1/reservations/", SignedIn, 200, Read, At("/api/v1/reservations?limit=100")),
        E("GET", "/api/v1/reservations/{id}", OwnerOr(Manage), 200, Read, (w, _) => Task.FromResult($"/api/v1/reservations/{w.OwnerReservation}")),
        E("GET", "/api/v1/reservations/{id}/history", OwnerOr(Manage), 200, Read, (w, _) => Task.FromResult($"/api/v1/reservations/{w.OwnerReservation}/history")),
        E("POST", "/api/v1/reservations/{id}/cancel", OwnerOr(Manage), 200, Write, async (w, _) => $"/api/v1/reservations/{await w.OwnerBookingAsync()}/cancel"),
        E("PATCH", "/api/v1/reservations/{id}", OwnerOr(Manage, ownerNeeds: Book), 200, Write,
            async (w, _) => $"/api/v1/reservations/{await w.OwnerBookingAsync()}", Json(new { notes = "changed" })),
        E("POST", "/api/v1/reservations/series", Needs(Book), 201, Write, At("/api/v1/reservations/series"),
            Slot((s, r) => new { resourceId = r, start = s.AddDays(60), end = s.AddDays(60).AddHours(1), rule = "FREQ=DAILY;COUNT=2" })),
        E("POST", "/api/v1/reservations/{id}/cancel-series", OwnerOr(Manage), 200, Write,
            async (w, _) => $"/api/v1/reservations/{await w.OwnerSeriesAsync()}/cancel-series", Json(new { scope = "all" })),

        E("POST", "/api/v1/holds/", Needs(Book), 201, Write, At("/api/v1/holds"), Slot((s, r) => new { resourceId = r, start = s, end = s.AddHours(1) })),
        E("GET", "/api/v1/holds/{id}", OwnerOr(Manage), 200, Read, async (w, _) => $"/api/v1/holds/{await w.OwnerHoldAsync()}"),
        E("POST", "/api/v1/holds/{id}/confirm", OwnerOr(Manage, ownerNeeds: Book), 200, Write, async (w, _) => $"/api/v1/holds/{await w.OwnerHoldAsync()}/confirm"),
        E("DELETE", "/api/v1/holds/{id}", OwnerOr(Manage), 204, Delete, async (w, _) => $"/api/v1/holds/{await w.OwnerHoldAsync()}"),

        E("POST", "/api/v1/waitlist/", Needs(Book), 201, Write, At("/api/v1/waitlist"), async (w, _) =>
        {
            var (resource, start) = await w.FullWindowAsync();
            return new { resourceId = resource, start, end = start.AddHours(1) };
        }),
        E("GET", "/api/v1/waitlist/", SignedIn, 200, Read, At("/api/v1/waitlist")),
        E("GET", "/api/v1/waitlist/resources/{resourceId}", Needs(Manage), 200, Admin, (w, _) => Task.FromResult($"/api/v1/waitlist/resources/{w.ResourceId}")),
        E("GET", "/api/v1/waitlist/{id}", OwnerOr(Manage), 200, Read, (w, _) => Task.FromResult($"/api/v1/waitlist/{w.OwnerEntry}")),
        E("DELETE", "/api/v1/waitlist/{id}", OwnerOr(Manage), 200, Delete, async (w, _) => $"/api/v1/waitlist/{await w.OwnerWaitlistEntryAsync()}"),
        E("POST", "/api/v1/waitlist/{id}/accept", OwnerOr(Manage, 403, Book), 409, Write, async (w, _) => $"/api/v1/waitlist/{await w.OwnerWaitlistEntryAsync()}/accept"),
        E("POST", "/api/v1/waitlist/{id}/decline", OwnerOr(Manage), 409, Write, async (w, _) => $"/api/v1/waitlist/{await w.OwnerWaitlistEntryAsync()}/decline"),

        E("GET", "/api/v1/approvals/", SignedIn, 200, Read, At("/api/v1/approvals?limit=100")),
        E("POST", "/api/v1/approvals/{reservationId}/approve", Needs(Permission.ApprovalsDecide), 200, Admin,
            async (w, _) => $"/api/v1/approvals/{await OwnerPendingAsync(w)}/approve", Json(new { message = "ok" })),
        E("POST", "/api/v1/approvals/{reservationId}/reject", Needs(Permission.ApprovalsDecide), 200, Admin,
            async (w, _) => $"/api/v1/approvals/{await OwnerPendingAsync(w)}/reject", Json(new { message = "no" })),
    ];

    /// <summary>A fresh request of the owner pending on a resource that requires approval (no approvers listed).</summary>
    private static async Task<Guid> OwnerPendingAsync(MatrixWorld world) =>
        await Approvals.ApprovalArrange.PendingAsync(world.Person(Who.Owner), await Approvals.ApprovalArrange.ResourceAsync(world.Admin), world.NextSlot());

    private static IEnumerable<MatrixEntry> Integrations() =>
    [
        E("GET", "/api/v1/webhooks/events", Needs(Permission.WebhooksManage), 200, Admin, At("/api/v1/webhooks/events")),
        E("POST", "/api/v1/webhooks/", Needs(Permission.WebhooksManage), 201, Admin, At("/api/v1/webhooks"),
            Json(new { url = "https://93.184.215.14/matrix", events = new[] { "reservation.created" }, active = false })),
        E("GET", "/api/v1/webhooks/", Needs(Permission.WebhooksManage), 200, Admin, At("/api/v1/webhooks")),
        E("GET", "/api/v1/webhooks/{id:guid}", Needs(Permission.WebhooksManage), 200, Admin, (w, _) => Task.FromResult($"/api/v1/webhooks/{w.WebhookId}")),
        E("PATCH", "/api/v1/webhooks/{id:guid}", Needs(Permission.WebhooksManage), 200, Admin, (w, _) => Task.FromResult($"/api/v1/webhooks/{w.WebhookId}"),
            Json(new { active = false })),
        E("DELETE", "/api/v1/webhooks/{id:guid}", Needs(Permission.WebhooksManage), 204, Admin, async (w, _) => $"/api/v1/webhooks/{await w.FreshWebhookAsync()}"),
        E("POST", "/api/v1/webhooks/{id:guid}/rotate-secret", Needs(Permission.WebhooksManage), 200, Admin,
            async (w, _) => $"/api/v1/webhooks/{await w.FreshWebhookAsync()}/rotate-secret"),
        E("POST", "/api/v1/webhooks/{id:guid}/test", Needs(Permission.WebhooksManage), 202, Admin, (w, _) => Task.FromResult($"/api/v1/webhooks/{w.WebhookId}/test")),
        E("GET", "/api/v1/webhooks/{id:guid}/deliveries", Needs(Permission.WebhooksManage), 200, Admin,
            (w, _) => Task.FromResult($"/api/v1/webhooks/{w.WebhookId}/deliveries")),
        E("POST", "/api/v1/webhooks/{id:guid}/deliveries/{deliveryId:guid}/retry", Needs(Permission.WebhooksManage), 404, Admin,
            (w, _) => Task.FromResult($"/api/v1/webhooks/{w.WebhookId}/deliveries/{Guid.NewGuid()}/retry")),
    ];
}
