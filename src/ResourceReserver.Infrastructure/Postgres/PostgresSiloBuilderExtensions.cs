using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace ResourceReserver.Infrastructure.Postgres;

/// <summary>
/// Production persistence: grain state and reminders in PostgreSQL through the Orleans ADO.NET providers,
/// on the schema and query texts of <c>Migrations/postgres</c> (apply them first with
/// <see cref="PostgresDatabase.MigrateAsync"/>).
/// </summary>
public static class PostgresSiloBuilderExtensions
{
    /// <summary>The ADO.NET invariant under which the Orleans providers load Npgsql.</summary>
    public const string NpgsqlInvariant = "Npgsql";

    /// <summary>
    /// Registers the default grain storage and the reminder service on PostgreSQL. Grain state is stored with
    /// the Orleans binary serializer, so state types need <c>[GenerateSerializer]</c> and stable <c>[Id]</c>s.
    /// </summary>
    /// <param name="builder">The silo builder.</param>
    /// <param name="connectionString">
    /// An Npgsql connection string; its <c>Search Path</c> selects the schema holding the Orleans tables.
    /// </param>
    public static ISiloBuilder UsePostgresPersistence(this ISiloBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        builder.AddAdoNetGrainStorageAsDefault((OptionsBuilder<AdoNetGrainStorageOptions> options) =>
            options.Configure<Serializer>((storage, serializer) =>
            {
                storage.Invariant = NpgsqlInvariant;
                storage.ConnectionString = connectionString;
                // The default is Newtonsoft JSON with $type names, which needs a type allow-list to read back.
                storage.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));

        builder.UseAdoNetReminderService(reminders =>
        {
            reminders.Invariant = NpgsqlInvariant;
            reminders.ConnectionString = connectionString;
        });

        return builder;
    }
}
