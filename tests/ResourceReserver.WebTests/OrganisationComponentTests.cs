using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Host.Components.Admin;
using ResourceReserver.Host.Components.Shared;
using ResourceReserver.Host.Organisation;

namespace ResourceReserver.WebTests;

/// <summary>The group tree of the admin page, the group paths of the pickers and the group filter.</summary>
public sealed class OrganisationComponentTests : BunitContext
{
    private static readonly GroupNodeView Floor = new(Guid.NewGuid(), "Floor 2", "floor", [], 3);
    private static readonly GroupNodeView Building = new(Guid.NewGuid(), "Building A", "building", [Floor], 3);
    private static readonly GroupNodeView Annex = new(Guid.NewGuid(), "Annex", "other", [], 0);

    public OrganisationComponentTests()
    {
        Services.AddLocalization();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    [Fact]
    public void The_tree_nests_each_group_under_its_parent_with_kind_and_subtree_count()
    {
        var tree = Render<GroupTree>(p => p.Add(c => c.Tree, [Building, Annex]));

        var items = tree.FindAll("li[role=treeitem]");
        Assert.Equal(["Building A", "Floor 2", "Annex"], items.Select(i => i.QuerySelector("strong")!.TextContent));
        Assert.Equal(["1", "2", "1"], items.Select(i => i.GetAttribute("aria-level")));
        Assert.Contains("Floor · 3 resources", items[1].TextContent);
        Assert.Contains("Other · 0 resources", items[2].TextContent);
    }

    [Fact]
    public void The_buttons_name_their_group_and_raise_its_action()
    {
        var (edited, deleted) = (new List<GroupNodeView>(), new List<GroupNodeView>());
        var tree = Render<GroupTree>(p => p
            .Add(c => c.Tree, [Building])
            .Add(c => c.OnEdit, n => edited.Add(n))
            .Add(c => c.OnDelete, n => deleted.Add(n)));

        tree.FindAll("button").Single(b => b.TextContent == "Delete Floor 2").Click();
        tree.FindAll("button").Single(b => b.TextContent == "Rename or move Building A").Click();

        Assert.Equal([Floor], deleted);
        Assert.Equal([Building], edited);
    }

    [Fact]
    public void Pickers_show_each_group_by_its_path_parents_first()
    {
        var paths = GroupPaths.Of([Building, Annex]);

        Assert.Equal([(Building.Id, "Building A"), (Floor.Id, "Building A / Floor 2"), (Annex.Id, "Annex")], paths);
    }

    [Fact]
    public void In_spanish_the_tree_speaks_spanish()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("es");
        var tree = Render<GroupTree>(p => p.Add(c => c.Tree, [Building]));

        Assert.Contains("Edificio · 3 recursos", tree.Markup);
        Assert.Contains("Renombrar o mover Building A", tree.Markup);
    }

    [Fact]
    public void The_group_filter_lists_every_path_marks_the_chosen_one_and_raises_the_new_choice()
    {
        var chosen = new List<string?>();
        var picker = Render<GroupPicker>(p => p
            .Add(c => c.Id, "some-group")
            .Add(c => c.Tree, [Building, Annex])
            .Add(c => c.Value, Floor.Id.ToString())
            .Add(c => c.ValueChanged, id => chosen.Add(id)));

        Assert.Equal("some-group", picker.Find("label").GetAttribute("for"));
        Assert.Equal(["All groups", "Building A", "Building A / Floor 2", "Annex"], picker.FindAll("option").Select(o => o.TextContent));
        Assert.Equal(Floor.Id.ToString(), picker.Find("select").GetAttribute("value"));

        picker.Find("select").Change(Annex.Id.ToString());
        picker.Find("select").Change("");

        Assert.Equal([Annex.Id.ToString(), null], chosen);
    }
}
