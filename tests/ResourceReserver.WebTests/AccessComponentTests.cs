using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Components;
using ResourceReserver.Host.Components.Account;
using ResourceReserver.Host.Components.Shared;

namespace ResourceReserver.WebTests;

/// <summary>The pieces the access pages are built from: choice pickers, what permissions and scopes mean, backup codes.</summary>
public sealed class AccessComponentTests : BunitContext
{
    public AccessComponentTests()
    {
        Services.AddLocalization();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    private IStringLocalizer<UiText> Texts => Services.GetRequiredService<IStringLocalizer<UiText>>();

    [Fact]
    public void A_choice_picker_shows_every_permission_and_changes_the_selection_in_place()
    {
        var selected = new HashSet<string> { "audit.read" };
        var changes = 0;
        var picker = Render<ChoicePicker>(p => p
            .Add(c => c.Legend, "Permissions")
            .Add(c => c.Choices, AccessTexts.Permissions(Texts))
            .Add(c => c.Selected, selected)
            .Add(c => c.SelectedChanged, () => changes++));

        var boxes = picker.FindAll("input[type=checkbox]");
        Assert.Equal(PermissionNames.All, boxes.Select(b => b.GetAttribute("value")));
        Assert.True(picker.Find("input[value='audit.read']").HasAttribute("checked"));
        Assert.Contains("Read the audit log", picker.Markup);

        picker.Find("input[value='users.manage']").Change(true);
        picker.Find("input[value='audit.read']").Change(false);
        Assert.Equal(["users.manage"], selected);
        Assert.Equal(2, changes);
    }

    [Fact]
    public void The_scope_picker_offers_every_scope()
    {
        var picker = Render<ChoicePicker>(p => p
            .Add(c => c.Legend, "Scopes")
            .Add(c => c.Choices, AccessTexts.Scopes(Texts))
            .Add(c => c.Selected, new HashSet<string>()));
        Assert.Equal(Scopes.All, picker.FindAll("input").Select(b => b.GetAttribute("value")));
        Assert.Equal("Scopes", picker.Find("legend").TextContent);
    }

    [Fact]
    public void Every_permission_and_scope_is_explained_in_every_language()
    {
        foreach (var culture in new[] { "en", "es", "fr" })
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Assert.All(AccessTexts.Permissions(Texts), p => Assert.False(string.IsNullOrWhiteSpace(p.Description), p.Name));
            Assert.All(AccessTexts.Scopes(Texts), s => Assert.NotEqual(s.Name, s.Description));
        }

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es");
        Assert.Equal("Ver tu perfil", AccessTexts.Scope(Texts, Scopes.Profile));
    }

    [Fact]
    public void Backup_codes_are_listed_with_the_warning_that_they_are_shown_once()
    {
        var list = Render<BackupCodeList>(p => p.Add(c => c.Codes, ["AAAA-BBBB-CCCC", "DDDD-EEEE-FFFF"]));
        Assert.Equal(["AAAA-BBBB-CCCC", "DDDD-EEEE-FFFF"], list.FindAll("[data-testid=backup-codes] li").Select(li => li.TextContent));
        Assert.Contains("not shown again", list.Find("strong").TextContent);
    }

    [Fact]
    public void The_ui_policies_are_the_api_permission_policies()
    {
        Assert.Equal(UiPolicies.ManageResources, PermissionPolicies.Of(Permission.ResourcesManage));
        Assert.Equal(UiPolicies.ManageUsers, PermissionPolicies.Of(Permission.UsersManage));
        Assert.Equal(UiPolicies.ManageWebhooks, PermissionPolicies.Of(Permission.WebhooksManage));
    }
}
