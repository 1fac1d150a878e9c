using ResourceReserver.Infrastructure.Postgres;

namespace ResourceReserver.InfrastructureTests.Postgres;

public sealed class PostgresConcurrentMigrationTests
{
    [Fact]
    public async Task Silos_migrating_at_once_all_succeed()
    {
        for (var round = 0; round < 5; round++)
        {
            await using var schema = await PostgresTestSchema.CreateAsync(migrate: false);

            await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => PostgresDatabase.MigrateAsync(schema.ConnectionString))));

            Assert.Equal(11L, await schema.ScalarAsync<long>("SELECT count(*) FROM orleansquery"));
        }
    }
}
