using System.Text.RegularExpressions;
using ResourceReserver.Audit;
using ResourceReserver.Contracts;
using ResourceReserver.Host.Apis;
using ResourceReserver.Infrastructure.Audit;

namespace ResourceReserver.Host.Application;

/// <summary>A validated <see cref="AuditQuery"/>.</summary>
public sealed record ParsedAuditQuery(AuditFilter Filter, int Limit, string? Cursor);

/// <summary>Validates audit queries: every bad value is one 422 naming its field, never a silently ignored filter.</summary>
public static partial class AuditQueries
{
    /// <summary>The filter, page size and cursor of <paramref name="query"/>, or the refusal listing every bad field.</summary>
    public static Outcome<ParsedAuditQuery> Parse(AuditQuery query)
    {
        var errors = new Dictionary<string, string[]>();
        Guid? actorId = null;
        if (query.ActorId is { } actor)
        {
            if (Guid.TryParse(actor, out var id))
            {
                actorId = id;
            }
            else
            {
                errors["actorId"] = ["actorId must be a user id (a UUID)."];
            }
        }

        Check("action", query.Action, ActionPattern(), "action must be an action name such as reservation.created, or a prefix ending in * such as auth.*.");
        Check("entityType", query.EntityType, NamePattern(), "entityType must be a name such as reservation or user.");
        if (query.EntityId is { Length: 0 or > 200 })
        {
            errors["entityId"] = ["entityId must have 1 to 200 characters."];
        }

        if (query.Outcome is { } outcome && !AuditOutcomes.All.Contains(outcome))
        {
            errors["outcome"] = ["outcome must be success, failure or denied."];
        }

        if (!Instants.TryParseOptional(query.From, out var from))
        {
            errors["from"] = ["from must be an ISO 8601 instant with an offset, e.g. 2027-01-10T09:00:00Z."];
        }

        if (!Instants.TryParseOptional(query.Until, out var until))
        {
            errors["until"] = ["until must be an ISO 8601 instant with an offset, e.g. 2027-01-11T09:00:00Z."];
        }

        if (from is { } f && until is { } u && u <= f)
        {
            errors["until"] = ["until must be after from."];
        }

        if (Paging.Limit(query.Limit) is not { } limit)
        {
            errors["limit"] = ["limit must be a whole number from 1 to 100."];
            limit = 0;
        }

        if (!SqlAuditLog.IsCursor(query.Cursor))
        {
            errors["cursor"] = ["cursor must be a nextCursor from an earlier answer."];
        }

        return errors.Count > 0
            ? Refusal.Fields(errors)
            : new ParsedAuditQuery(new AuditFilter(actorId, query.Action, query.EntityType, query.EntityId, query.Outcome, from, until), limit, query.Cursor);

        void Check(string field, string? value, Regex pattern, string message)
        {
            if (value is not null && !pattern.IsMatch(value))
            {
                errors[field] = [message];
            }
        }
    }

    /// <summary>A filter in words, for the export's own audit entry.</summary>
    public static string Describe(AuditFilter filter, string format)
    {
        var parts = new List<string> { $"format={format}" };
        Add("actorId", filter.ActorId?.ToString());
        Add("action", filter.Action);
        Add("entityType", filter.EntityType);
        Add("entityId", filter.EntityId);
        Add("outcome", filter.Outcome);
        Add("from", filter.From?.ToString("O"));
        Add("until", filter.Until?.ToString("O"));
        return string.Join("; ", parts);

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts.Add($"{name}={value}");
            }
        }
    }

    [GeneratedRegex(@"^[a-z][a-z_]{0,39}(\.[a-z_]{1,40}){0,3}(\.?\*)?\z")]
    private static partial Regex ActionPattern();

    [GeneratedRegex(@"^[a-z][a-z_]{0,39}\z")]
    private static partial Regex NamePattern();
}
