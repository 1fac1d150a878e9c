using ResourceReserver.Infrastructure.Schema;

namespace ResourceReserver.GrainTests.Fixtures;

/// <summary>
/// The Orleans grain-state rows earlier designs stored (resources, the name directory), written and counted directly by
/// the tests of the migrations that move them out.
/// </summary>
public static class LegacyGrainRows
{
    /// <summary>How many grain-state rows a service still has.</summary>
    public static async Task<long> CountAsync(TestDatabase database, string serviceId) =>
        Convert.ToInt64(await ExecuteAsync(database, database.Dialect == SqlDialect.Postgres
            ? "SELECT count(*) FROM orleansstorage WHERE serviceid = @service"
            : "SELECT count(*) FROM orleans_grain_state WHERE service_id = @service", ("service", serviceId)));

    /// <summary>Runs one statement; parameters the text does not mention are left out (one list serves both dialects).</summary>
    public static async Task<object?> ExecuteAsync(TestDatabase database, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters.Where(p => sql.Contains("@" + p.Name, StringComparison.Ordinal)))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteScalarAsync();
    }
}
