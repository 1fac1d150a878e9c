using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Host.Application;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Apis;

/// <summary>Approval requests for their approvers (rules in <see cref="ApprovalService"/>).</summary>
public static class ApprovalsApi
{
    /// <summary>Maps <c>/api/v1/approvals</c>.</summary>
    public static RouteGroupBuilder MapApprovalsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/approvals").WithTags("Approvals").RequireAuthorization();
        group.MapGet("/", ListAsync).WithName("ListApprovals");

        // Deciding is a management right (approvals.decide), so a client token needs the admin scope, even for a
        // listed approver whose roles grant no such permission.
        group.MapPost("/{reservationId}/approve", ApproveAsync).WithName("ApproveReservation").RequireScope(Scopes.Admin);
        group.MapPost("/{reservationId}/reject", RejectAsync).WithName("RejectReservation").RequireScope(Scopes.Admin);
        return group;
    }

    private static async Task<Results<Ok<Page<ApprovalRequestView>>, ProblemHttpResult>> ListAsync(
        HttpContext http, ApprovalService approvals, string? status, string? limit, string? cursor) =>
        (await approvals.ListAsync(http.User.Actor(), status, limit, cursor, http.RequestAborted)).ToOk();

    private static async Task<Results<Ok<ReservationView>, ProblemHttpResult>> ApproveAsync(
        string reservationId, ApprovalDecisionRequest? request, HttpContext http, ApprovalService approvals) =>
        (await approvals.ApproveAsync(http.User.Actor(), reservationId, request?.Message, http.RequestAborted)).ToOk();

    private static async Task<Results<Ok<ReservationView>, ProblemHttpResult>> RejectAsync(
        string reservationId, ApprovalDecisionRequest? request, HttpContext http, ApprovalService approvals) =>
        (await approvals.RejectAsync(http.User.Actor(), reservationId, request?.Message, http.RequestAborted)).ToOk();
}
