using System.Text.Json;
using System.Text.Json.Serialization;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Client.Http;
using ResourceReserver.Client.Models;
using ResourceReserver.CliTests.Fixtures;

namespace ResourceReserver.CliTests.Commands;

/// <summary>
/// The client's read models of answers built from server-internal types, against real answers with unknown members
/// refused: a field added or renamed on the server fails here instead of being silently dropped by the CLI.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class ContractTests(CliFixture fixture)
{
    private static readonly JsonSerializerOptions Strict = new(ApiJson.Options) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    [Fact]
    public async Task Every_answer_the_cli_reads_fits_its_model_exactly()
    {
        var resource = await fixture.NewResourceAsync();
        var id = resource.GetProperty("id").GetString()!;
        using var user = await fixture.NewUserAsync("contract");
        var reservation = JsonDocument.Parse((await user.OkAsync("reserve", id, $"{Dates.Ahead(15)} 09:00", "1h", "--json")).Out).RootElement.GetProperty("id").GetString();
        await fixture.Admin.OkAsync("webhooks", "create", $"http://127.0.0.1:{CliHostFactory.FreePort()}/contract", "--events", "reservation.created");

        await Fits<ResourceView>(user, $"api/v1/resources/{id}");
        await Fits<Page<ResourceView>>(user, "api/v1/resources");
        await Fits<AvailabilityView>(fixture.Admin, $"api/v1/resources/{id}/availability");
        await Fits<SlotsView>(user, $"api/v1/resources/{id}/slots?date={Dates.Ahead(15)}&duration=60");
        await Fits<TimeSlot>(user, $"api/v1/resources/{id}/next-available?duration=60");
        await Fits<IReadOnlyList<TagCount>>(user, "api/v1/resources/tags");
        await Fits<AvailabilitySummary>(user, "api/v1/resources/summary");
        await Fits<HoldTiming>(user, $"api/v1/resources/{id}/hold-timing");
        await Fits<Page<ReservationView>>(user, "api/v1/reservations");
        await Fits<IReadOnlyList<HistoryEntry>>(user, $"api/v1/reservations/{reservation}/history");
        await Fits<UserProfile>(user, "api/v1/users/me");
        await Fits<Page<Notification>>(user, "api/v1/notifications");
        await Fits<WaitlistPage>(user, "api/v1/waitlist");
        await Fits<CalendarSubscription>(user, "api/v1/calendar/subscription");
        await Fits<WebhookList>(fixture.Admin, "api/v1/webhooks");
        await Fits<IReadOnlyList<WebhookEventType>>(fixture.Admin, "api/v1/webhooks/events");
        await Fits<IReadOnlyList<RoleView>>(fixture.Admin, "api/v1/roles");
        await Fits<MyPermissions>(user, "api/v1/users/me/permissions");
        await Fits<Page<ApprovalRequestView>>(fixture.Admin, "api/v1/approvals?status=approved");
        var users = await Fits<Page<UserSummary>>(fixture.Admin, "api/v1/users");
        await Fits<UserSummary>(fixture.Admin, $"api/v1/users/{users.Items[0].Id}");
    }

    private async Task<T> Fits<T>(CliUser user, string path)
    {
        var body = await fixture.GetAsync(user, path);
        var value = JsonSerializer.Deserialize<T>(body, Strict);
        Assert.NotNull(value);
        return value;
    }
}
