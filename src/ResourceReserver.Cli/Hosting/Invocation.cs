using System.CommandLine;
using NodaTime;
using ResourceReserver.Cli.Output;
using ResourceReserver.Cli.Sessions;
using ResourceReserver.Client;
using ResourceReserver.Client.Contracts;
using ResourceReserver.Client.Http;

namespace ResourceReserver.Cli.Hosting;

/// <summary>One running command: its parsed line, session, printer, clock and cancellation.</summary>
public sealed class Invocation(ParseResult parse, ApiSession session, Printer printer, CliContext context, CancellationToken cancellation)
{
    private readonly Dictionary<Guid, ResourceView> _resources = [];

    /// <summary>The parsed command line.</summary>
    public ParseResult Parse => parse;

    /// <summary>Server and session.</summary>
    public ApiSession Session => session;

    /// <summary>The API (signed when the command signs).</summary>
    public ReserverApi Api => session.Api;

    /// <summary>Output.</summary>
    public Printer Print => printer;

    /// <summary>Consoles, input, environment.</summary>
    public CliContext Context => context;

    /// <summary>Cancelled by Ctrl+C.</summary>
    public CancellationToken Ct => cancellation;

    /// <summary>Now, from the injected clock.</summary>
    public Instant Now => context.Clock.GetCurrentInstant();

    /// <summary>The zone a refusal's conflicts and suggestions are shown in (the resource's, once known).</summary>
    public DateTimeZone ProblemZone { get; set; } = context.LocalZone;

    /// <summary>The value of an option or argument.</summary>
    public T? Get<T>(Option<T> option) => parse.GetValue(option);

    /// <summary>The value of an argument.</summary>
    public T? Get<T>(Argument<T> argument) => parse.GetValue(argument);

    /// <summary>
    /// A resource by id or exact name (case-insensitive, as names are unique that way). An unknown one is refused with
    /// the API's <c>resource_not_found</c>.
    /// </summary>
    public async Task<ResourceView> ResourceAsync(string text)
    {
        ResourceView resource;
        if (Guid.TryParse(text, out var id))
        {
            resource = await CachedAsync(id);
        }
        else
        {
            var page = await Api.Resources.ListAsync(new ResourceQuery(Text: text, Limit: 100), Ct);
            resource = page.Value.Items.FirstOrDefault(r => string.Equals(r.Name, text.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw CliException.Refused("resource_not_found", $"No resource is named '{text}'. Try: rr resources search --query \"{text}\"");
            _resources[resource.Id] = resource;
        }

        ProblemZone = TimeFormat.Zone(resource.TimeZone);
        return resource;
    }

    /// <summary>A resource by id, fetched once per command (for names and zones in lists).</summary>
    public async Task<ResourceView?> ResourceOrNullAsync(Guid id)
    {
        try
        {
            return await CachedAsync(id);
        }
        catch (ApiProblemException problem) when (problem.Status == 404)
        {
            return null;
        }
    }

    /// <summary>An id argument (reservation, hold, entry, webhook) or a usage error.</summary>
    public static Guid Id(string? text, string what) =>
        Guid.TryParse(text, out var id) ? id : throw CliException.Usage($"{what}: '{text}' is not an id (a GUID such as 0190f2c4-...).");

    private async Task<ResourceView> CachedAsync(Guid id)
    {
        if (!_resources.TryGetValue(id, out var resource))
        {
            resource = (await Api.Resources.GetAsync(id, Ct)).Value;
            _resources[id] = resource;
        }

        return resource;
    }
}
