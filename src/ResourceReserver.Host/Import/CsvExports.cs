using System.Globalization;
using CsvHelper;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Apis;
using ResourceReserver.Host.Application;
using ResourceReserver.Infrastructure.ReadStore;

namespace ResourceReserver.Host.Import;

/// <summary>
/// Streams resources and reservations as CSV, a page of the read store at a time, so an export of any size holds
/// one page in memory. The resource file has the import's columns and imports back unchanged.
/// </summary>
public sealed class CsvExports(SqlReadStore store)
{
    private const int PageSize = 500;

    /// <summary>The columns of the reservation export.</summary>
    public static readonly IReadOnlyList<string> ReservationColumns = ["id", "resourceId", "userId", "start", "end", "quantity", "status", "title", "createdAt"];

    /// <summary>Writes every live resource, sorted by name.</summary>
    public async Task WriteResourcesAsync(Stream output, CancellationToken ct)
    {
        await using var writer = CsvWriter.Create(output, CsvWriterOptions.Default, leaveOpen: true);
        writer.WriteHeader([.. ResourceCsv.Columns]);
        var written = 0;
        await foreach (var resource in ResourcePages.AllAsync(store, ct))
        {
            var details = resource.Details;
            writer.WriteRecord([
                details.Name,
                details.Description ?? "",
                string.Join(",", details.Tags),
                details.Capacity.ToString(CultureInfo.InvariantCulture),
                details.TimeZone,
                details.Location ?? "",
                details.GroupId?.ToString() ?? "",
                resource.Status == ResourceStatus.Available ? "true" : "false",
            ]);
            if (++written % PageSize == 0)
            {
                await writer.FlushAsync(ct);
            }
        }

        await writer.FlushAsync(ct);
    }

    /// <summary>
    /// Checks the filters of a reservation export: the actor's own reservations, or with <c>reservations.manage</c>
    /// everyone's (or one user's with <c>userId</c>). Null filter means refused (see the error).
    /// </summary>
    public static Outcome<ReservationFilter> ReservationFilterFor(Actor actor, string? from, string? until, string? resourceId, string? userId)
    {
        Guid? owner = actor.Has(Permission.ReservationsManage) ? null : actor.UserId;
        if (userId is not null)
        {
            if (!Guid.TryParse(userId, out var requested))
            {
                return Refusal.Invalid("userId", "userId must be a user id.");
            }

            if (requested != actor.UserId && !actor.Has(Permission.ReservationsManage))
            {
                return DomainError.Forbidden("Only holders of reservations.manage may export other users' reservations.");
            }

            owner = requested;
        }

        Guid? resource = null;
        if (resourceId is not null)
        {
            if (!Guid.TryParse(resourceId, out var parsed))
            {
                return Refusal.Invalid("resourceId", "resourceId must be a resource id.");
            }

            resource = parsed;
        }

        if (!Instants.TryParseOptional(from, out var start) || !Instants.TryParseOptional(until, out var end))
        {
            return Refusal.Invalid("from", "from and until must be ISO 8601 instants with an offset.");
        }

        if (start is not null && end is not null && start >= end)
        {
            return Refusal.Invalid("until", "until must be after from.");
        }

        return new ReservationFilter(owner, resource, start, end, null, PageSize, null);
    }

    /// <summary>Writes the reservations the filter selects, by start.</summary>
    public async Task WriteReservationsAsync(ReservationFilter filter, Stream output, CancellationToken ct)
    {
        await using var writer = CsvWriter.Create(output, CsvWriterOptions.Default, leaveOpen: true);
        writer.WriteHeader([.. ReservationColumns]);
        var page = filter;
        while (true)
        {
            var found = await store.ListReservationsAsync(page, ct);
            foreach (var r in found.Items)
            {
                writer.WriteRecord([
                    r.Id.ToString(), r.ResourceId.ToString(), r.UserId.ToString(), Instant(r.Start), Instant(r.End),
                    r.Quantity.ToString(CultureInfo.InvariantCulture), SqlReadStore.StatusText(r.Status), r.Title ?? "", Instant(r.CreatedAt),
                ]);
            }

            await writer.FlushAsync(ct);
            if (found.NextCursor is null)
            {
                return;
            }

            page = page with { Cursor = found.NextCursor };
        }
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
