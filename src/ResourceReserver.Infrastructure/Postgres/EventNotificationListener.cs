using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.Schema;

namespace ResourceReserver.Infrastructure.Postgres;

/// <summary>
/// Holds one connection that LISTENs for commits that appended events (every silo's writers NOTIFY inside their
/// transaction; PostgreSQL delivers it at commit) and wakes this silo's dispatcher. While it is down, the silo's
/// own writers wake the dispatcher in process and the dispatcher's idle poll covers the other silos' commits.
/// </summary>
public sealed class EventNotificationListener(NpgsqlDataSource dataSource, EventSignal signal, ILogger<EventNotificationListener> logger) : BackgroundService
{
    // A connection that died without a word (no RST) is noticed by this round trip: one transaction a minute.
    private static readonly TimeSpan Liveness = TimeSpan.FromMinutes(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Notified();
                await using (var channel = new NpgsqlCommand($"SELECT {SqlDialects.EventsChannel}", connection))
                {
                    var name = (string)(await channel.ExecuteScalarAsync(stoppingToken))!;
                    await using var listen = new NpgsqlCommand($"LISTEN \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                signal.Listening = true;
                failures = 0;

                // Whatever committed while nobody listened.
                signal.Notified();
                try
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        if (!await connection.WaitAsync(Liveness, stoppingToken))
                        {
                            await using var ping = new NpgsqlCommand("SELECT 1", connection);
                            await ping.ExecuteScalarAsync(stoppingToken);
                        }
                    }
                }
                finally
                {
                    // Pooled connections are not reset on return: leave none listening.
                    if (connection.State == System.Data.ConnectionState.Open)
                    {
                        await using var unlisten = new NpgsqlCommand("UNLISTEN *", connection);
                        await unlisten.ExecuteNonQueryAsync(CancellationToken.None);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                signal.Listening = false;
                failures++;
                logger.LogWarning(exception, "Listening for event notifications failed; reconnecting");
            }
            finally
            {
                signal.Listening = false;
            }

            try
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, Math.Pow(2, failures))), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
