using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.GrainTests.Fixtures;

namespace ResourceReserver.GrainTests.Access;

[Collection(ClusterCollection.Name)]
public sealed class RoleDirectoryTests(ClusterFixture fixture)
{
    // The only test touching the role directory of this cluster: it counts the administrators.
    [Fact]
    public async Task Admins_demoting_and_disabling_each_other_all_at_once_leave_exactly_one_active_admin()
    {
        var directory = fixture.Grains.GetGrain<IRoleDirectoryGrain>(IRoleDirectoryGrain.Key);
        var admins = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var id = Guid.NewGuid();
            var registered = await fixture.Grains.GetGrain<IUserGrain>(id).RegisterAsync($"adm{id:N}"[..20], "Correct#Horse9", null, [Roles.Admin, Roles.User]);
            Assert.True(registered.IsSuccess);
            await directory.NoteMemberAsync(id);
            admins.Add(id);
        }

        var attempts = admins.SelectMany((target, i) => new[]
        {
            directory.RemoveRoleAsync(target, Roles.Admin),
            directory.SetStatusAsync(admins[(i + 1) % admins.Count], UserStatus.Disabled),
        });
        var outcomes = await Task.WhenAll(attempts);

        var profiles = await Task.WhenAll(admins.Select(id => fixture.Grains.GetGrain<IUserGrain>(id).GetProfileAsync()));
        Assert.Single(profiles, p => p!.Status == UserStatus.Active && p.Roles.Contains(Roles.Admin));
        Assert.All(outcomes.Where(o => !o.IsSuccess), o => Assert.Equal("last_admin", o.Error!.Code));
        Assert.Contains(outcomes, o => !o.IsSuccess);
    }
}
