using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using ResourceReserver.ApiTests.Concurrency;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;
using ResourceReserver.Contracts;

namespace ResourceReserver.ApiTests.Approvals;

/// <summary>
/// Requests and approvals racing on one approval resource: a pending request holds its capacity, so however the
/// bookings and the approvers' decisions interleave, the resource is never over capacity and every approval the API
/// acknowledged is stored as a confirmed reservation.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ApprovalRaceTests(ApiFixture api)
{
    [Fact]
    public async Task Sixty_four_requests_on_capacity_two_while_approvers_approve_concurrently_never_overbook()
    {
        var (listed, listedId) = await api.NewUserAsync("approver");
        var resourceId = await ApprovalArrange.ResourceAsync(api.Admin, capacity: 2, approvers: [listedId]);
        var bookers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => api.NewUserAsync()));
        var approvers = new[] { api.Admin, listed, api.Admin, listed };
        var body = new { resourceId, start = ApiFixture.FutureHour(6, 10), end = ApiFixture.FutureHour(6, 11) };
        using var gate = new SemaphoreSlim(0);
        var approved = new ConcurrentBag<Guid>();
        var decisions = new ConcurrentBag<HttpStatusCode>();
        var bookingDone = new TaskCompletionSource();

        var requests = Enumerable.Range(0, 64).Select(async i =>
        {
            await gate.WaitAsync();
            return await bookers[i % bookers.Length].Client.PostAsJsonAsync("/api/v1/reservations", body);
        }).ToList();
        var deciding = approvers.Select(async approver =>
        {
            await gate.WaitAsync();
            while (true)
            {
                var finished = bookingDone.Task.IsCompleted;
                var pending = (await approver.ItemsAsync($"/api/v1/approvals?limit=100")).Where(r => r.GetProperty("resourceId").GetGuid() == resourceId).ToList();
                foreach (var request in pending)
                {
                    var id = request.GetProperty("id").GetGuid();
                    var answer = await approver.PostAsJsonAsync($"/api/v1/approvals/{id}/approve", new { message = "race" });
                    decisions.Add(answer.StatusCode);
                    if (answer.StatusCode == HttpStatusCode.OK)
                    {
                        approved.Add(id);
                    }
                    else
                    {
                        await answer.AssertProblemAsync(HttpStatusCode.Conflict, "not_pending_approval");
                    }
                }

                if (finished && pending.Count == 0)
                {
                    return;
                }
            }
        }).ToList();
        gate.Release(64 + approvers.Length);
        var responses = await Task.WhenAll(requests);
        bookingDone.SetResult();
        await Task.WhenAll(deciding);

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(62, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(2, approved.Count);
        Assert.Equal(2, approved.Distinct().Count());
        Assert.All(decisions, d => Assert.Contains(d, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));

        var stored = await StoredReservations.FromGrainStorageAsync(api.Factory.Services, [resourceId]);
        var confirmed = stored.Where(r => r.Status == ReservationStatus.Confirmed).ToList();
        Assert.Equal(approved.OrderBy(id => id), confirmed.Select(r => r.Id).OrderBy(id => id));
        Assert.DoesNotContain(stored, r => r.Status == ReservationStatus.PendingApproval);
        Assert.True(StoredReservations.PeakLoad(stored.Where(r => r.Status == ReservationStatus.Confirmed).Select(r => (r.Start.UtcTicks, r.End.UtcTicks, r.Quantity))) <= 2);
        foreach (var id in approved)
        {
            Assert.Equal("confirmed", (await api.Admin.GetOkAsync($"/api/v1/reservations/{id}")).GetProperty("status").GetString());
        }
    }
}
