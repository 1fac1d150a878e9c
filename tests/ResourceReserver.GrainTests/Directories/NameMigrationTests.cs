using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Serialization;
using ResourceReserver.Events;
using ResourceReserver.Grains;
using ResourceReserver.GrainTests.Fixtures;
using ResourceReserver.Infrastructure.Directories;
using ResourceReserver.Infrastructure.Migrations.Legacy;
using ResourceReserver.Infrastructure.Schema;

namespace ResourceReserver.GrainTests.Directories;

/// <summary>
/// An existing deployment's names, stored by the old single directory grain as one grain-state row per directory,
/// are honoured after the move to the name table: a name claimed before cannot be claimed again by anyone else,
/// its owner keeps it, "first ever" stays spent, and the old rows are gone.
/// </summary>
public sealed class NameMigrationTests
{
    private const string ServiceId = "legacy-service";

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Names_claimed_in_the_old_directory_grain_stay_taken_after_the_move(string dialectName)
    {
        var dialect = dialectName == "postgres" ? SqlDialect.Postgres : SqlDialect.Sqlite;
        await using var database = await TestDatabase.CreateAsync(dialect);
        var serializer = new ServiceCollection()
            .AddSerializer(s => s.AddAssembly(typeof(LegacyNameDirectoryState).Assembly).AddAssembly(typeof(DomainEvent).Assembly))
            .BuildServiceProvider().GetRequiredService<Serializer>();
        var (alice, room) = (Guid.NewGuid(), Guid.NewGuid());
        await InsertAsync(database, serializer, INameDirectoryGrain.Usernames, new LegacyNameDirectoryState { Owners = new() { ["ALICE"] = alice }, EverClaimed = true });
        await InsertAsync(database, serializer, INameDirectoryGrain.ResourceNames, new LegacyNameDirectoryState { Owners = new() { ["ROOM 101"] = room }, EverClaimed = true });
        await InsertAsync(database, serializer, INameDirectoryGrain.Usernames, new LegacyNameDirectoryState { Owners = new() { ["BOB"] = Guid.NewGuid() } }, "another-service");

        await new MigrationRunner(database.DataSource, dialect, NullLogger<MigrationRunner>.Instance, [new NameClaimsFromGrainState(serializer, ServiceId)]).ApplyAsync();

        var store = new SqlNameStore(database.DataSource);
        Assert.Equal(new NameClaim(false, false), await store.ClaimAsync(INameDirectoryGrain.Usernames, " Alice", Guid.NewGuid()));
        Assert.Equal(new NameClaim(true, false), await store.ClaimAsync(INameDirectoryGrain.Usernames, "alice", alice));
        Assert.Equal(alice, await store.FindAsync(INameDirectoryGrain.Usernames, "ALICE"));
        Assert.Equal([new NameOwner("room 101", room)], await store.ClaimAllAsync(INameDirectoryGrain.ResourceNames, [new("Room 100", Guid.NewGuid()), new("room 101", Guid.NewGuid())]));
        Assert.Null(await store.FindAsync(INameDirectoryGrain.ResourceNames, "Room 100"));

        // Another service's rows are not this deployment's: neither moved nor deleted.
        Assert.Null(await store.FindAsync(INameDirectoryGrain.Usernames, "bob"));
        Assert.Equal(new NameClaim(true, false), await store.ClaimAsync(INameDirectoryGrain.Usernames, "carol", Guid.NewGuid()));
        Assert.Equal(0L, await LegacyGrainRows.CountAsync(database, ServiceId));
        Assert.Equal(1L, await LegacyGrainRows.CountAsync(database, "another-service"));
    }

    // The rows as the old grain's storage wrote them: ADO.NET keeps a string key in grainidextensionstring; the
    // SQLite storage keys a row by the grain id's text (grain type "namedirectory").
    private static async Task InsertAsync(TestDatabase database, Serializer serializer, string directory, LegacyNameDirectoryState state, string serviceId = ServiceId) =>
        await LegacyGrainRows.ExecuteAsync(database, database.Dialect == SqlDialect.Postgres
            ? """
              INSERT INTO orleansstorage (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring, serviceid, payloadbinary, modifiedon, version)
              VALUES (0, 0, 0, 0, 'name-directory', @directory, @service, @payload, now(), 1)
              """
            : "INSERT INTO orleans_grain_state (service_id, state_name, grain_id, version, payload, modified_at) VALUES (@service, 'name-directory', @grain, 1, @payload, 0)",
            ("directory", directory), ("grain", $"namedirectory/{directory}"), ("service", serviceId), ("payload", serializer.SerializeToArray(state)));
}
