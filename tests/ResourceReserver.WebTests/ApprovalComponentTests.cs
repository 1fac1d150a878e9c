using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Host.Components.Approvals;
using ResourceReserver.Host.Components.Shared;

namespace ResourceReserver.WebTests;

/// <summary>The approver's request item and the statuses of requests, as the Approvals and My reservations pages show them.</summary>
public sealed class ApprovalComponentTests : BunitContext
{
    private static readonly DateTimeOffset Start = new(2030, 1, 14, 8, 0, 0, TimeSpan.Zero);

    public ApprovalComponentTests()
    {
        Services.AddLocalization();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    [Fact]
    public void A_pending_request_names_requester_resource_and_its_local_time_and_offers_approve_and_reject()
    {
        var item = Render<ApprovalRequestItem>(p => p.Add(c => c.Request, Request("pending_approval")).Add(c => c.ViewerZone, "UTC"));

        Assert.Contains("Board room", item.Find(".title").TextContent);
        Assert.Equal("Requested by member · Offsite", item.Find(".small").TextContent);
        Assert.Matches(@"9:00\s?AM–11:00\s?AM", item.Find(".time-range").TextContent); // 08:00 UTC is 09:00 in Paris in January
        Assert.Contains("Europe/Paris", item.Find(".time-range").TextContent);
        Assert.Contains("Decide by", item.Markup);
        Assert.Equal("Waiting for approval", item.Find(".badge").TextContent);
        Assert.Equal(["Approve", "Reject"], item.FindAll("button").Select(b => b.TextContent));
        Assert.Equal("Message to the requester", item.Find("label").TextContent);
    }

    [Fact]
    public void Rejecting_passes_the_typed_message_and_approving_without_one_passes_none()
    {
        var decisions = new List<ApprovalDecision>();
        var item = Render<ApprovalRequestItem>(p => p.Add(c => c.Request, Request("pending_approval")).Add(c => c.OnDecide, d => decisions.Add(d)));

        item.Find("input").Change("  Painting that week  ");
        item.FindAll("button")[1].Click();
        item.Find("input").Change("");
        item.FindAll("button")[0].Click();

        Assert.Equal([(false, "Painting that week"), (true, null)], decisions.Select(d => (d.Approve, d.Message)));
        Assert.All(decisions, d => Assert.Equal("Board room", d.Request.ResourceName));
    }

    [Fact]
    public void A_decided_request_shows_its_status_and_note_without_actions()
    {
        var item = Render<ApprovalRequestItem>(p => p.Add(c => c.Request, Request("rejected") with { DecisionMessage = "Closed for works" }));

        Assert.Empty(item.FindAll("button"));
        Assert.Equal("Rejected", item.Find(".badge").TextContent);
        Assert.Contains("Note: Closed for works", item.Markup);
        Assert.DoesNotContain("Decide by", item.Markup);
    }

    [Theory]
    [InlineData("en", "pending_approval", "Waiting for approval", "warn")]
    [InlineData("es", "pending_approval", "Pendiente de aprobación", "warn")]
    [InlineData("fr", "rejected", "Refusée", "danger")]
    [InlineData("en", "expired", "Expired", "danger")]
    public void Request_statuses_read_in_each_language(string culture, string status, string text, string tone)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        var badge = Render<StatusBadge>(p => p.Add(c => c.Status, status));
        Assert.Equal(text, badge.Find(".badge").TextContent);
        Assert.Contains(tone, badge.Find(".badge").ClassList);
    }

    private static ApprovalRequestView Request(string status) => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Start, Start.AddHours(2), 1, "Offsite", null, status, Start.AddDays(-3), Start.AddDays(-3),
        status == "pending_approval" ? Start.AddDays(-1) : null, null, null, "member", "Board room", "Europe/Paris");
}
