using System.Data.Common;
using Npgsql;
using ResourceReserver.InfrastructureTests.Postgres;

namespace ResourceReserver.InfrastructureTests.Organisation;

public sealed class PostgresLabelStoreTests : LabelStoreContract
{
    protected override async Task<(DbDataSource Source, IAsyncDisposable Owner)> OpenAsync()
    {
        var schema = await PostgresTestSchema.CreateAsync();
        var source = NpgsqlDataSource.Create(schema.ConnectionString);
        return (source, new Owned(source, schema));
    }

    private sealed class Owned(NpgsqlDataSource source, PostgresTestSchema schema) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await source.DisposeAsync();
            await schema.DisposeAsync();
        }
    }
}
