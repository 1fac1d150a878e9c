using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ResourceReserver.IntegrationTests.Cluster;

namespace ResourceReserver.IntegrationTests.Chaos;

/// <summary>
/// One user booking random intervals through any silo. A request that gets no definite answer (transport error,
/// timeout, 5xx) is retried on another silo with the same Idempotency-Key until <see cref="RetryDeadline"/>.
/// </summary>
public sealed class BookingClient(ChaosCluster cluster, string user, Guid userId, BookingWorkload workload, OperationLog log, Random random)
{
    /// <summary>How long one logical booking keeps retrying before it is logged as unknown.</summary>
    public static readonly TimeSpan RetryDeadline = TimeSpan.FromSeconds(45);

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(5) })
    {
        Timeout = TimeSpan.FromSeconds(5),
    };

    private string? _token;

    /// <summary>Books until <paramref name="stop"/> fires.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var (resourceId, start, end) = workload.Next(random);
            log.Add(await BookAsync(resourceId, start, end, Guid.NewGuid().ToString("N"), log.NextSequence()));
        }
    }

    /// <summary>One logical booking with retries under the same key; also used to resolve unknown outcomes.</summary>
    public async Task<BookingOperation> BookAsync(Guid resourceId, DateTimeOffset start, DateTimeOffset end, string key, long sequence)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var attempts = 0;
        var last = "none";
        while (DateTimeOffset.UtcNow - startedAt < RetryDeadline)
        {
            attempts++;
            var silo = cluster.Silos[random.Next(cluster.Silos.Count)];
            try
            {
                _token ??= await ApiClient.SignInAsync(silo, user);
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(silo.BaseAddress, "/api/v1/reservations"))
                {
                    Content = JsonContent.Create(new { resourceId, start, end }),
                };
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
                request.Headers.Add("Idempotency-Key", key);
                using var response = await _http.SendAsync(request);
                last = ((int)response.StatusCode).ToString();
                if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK)
                {
                    var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                    return Done(BookingVerdict.Acknowledged, id);
                }

                if (response.StatusCode == HttpStatusCode.Conflict)
                {
                    return Done(BookingVerdict.Refused, null);
                }

                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    _token = null;
                }
                else if ((int)response.StatusCode is >= 400 and < 500)
                {
                    return Done(BookingVerdict.Rejected, null);
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or InvalidOperationException)
            {
                last = exception.GetType().Name;
            }

            await Task.Delay(100 + random.Next(200));
        }

        return Done(BookingVerdict.Unknown, null);

        BookingOperation Done(BookingVerdict verdict, Guid? id) =>
            new(sequence, user, userId, key, resourceId, start, end, startedAt, DateTimeOffset.UtcNow, attempts, verdict, id, last);
    }
}

/// <summary>Random overlapping intervals on a few hot and many cold resources (all capacity 1).</summary>
public sealed class BookingWorkload(IReadOnlyList<Guid> hot, IReadOnlyList<Guid> cold)
{
    /// <summary>Every booking falls between this instant and four days later.</summary>
    public DateTimeOffset WindowStart { get; } = ApiClient.Tomorrow(0);

    public DateTimeOffset WindowEnd => WindowStart.AddDays(4);

    public IReadOnlyList<Guid> Hot => hot;

    public IReadOnlyList<Guid> All { get; } = [.. hot, .. cold];

    public (Guid Resource, DateTimeOffset Start, DateTimeOffset End) Next(Random random)
    {
        var isHot = random.NextDouble() < 0.5;
        var resource = isHot ? hot[random.Next(hot.Count)] : cold[random.Next(cold.Count)];
        // Hot bookings crowd into ten hours of one day; cold ones spread over four days.
        var start = isHot
            ? WindowStart.AddHours(8).AddMinutes(30 * random.Next(20))
            : WindowStart.AddMinutes(30 * random.Next(4 * 48 - 6));
        return (resource, start, start.AddMinutes(30 * (1 + random.Next(3))));
    }
}
