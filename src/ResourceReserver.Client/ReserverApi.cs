using ResourceReserver.Client.Http;

namespace ResourceReserver.Client;

/// <summary>A typed client of the Resource Reserver REST API, one property per feature.</summary>
public sealed class ReserverApi
{
    /// <summary>Creates a client over <paramref name="http"/>, whose base address is the server (e.g. <c>http://localhost:8080/</c>).</summary>
    public ReserverApi(HttpClient http)
    {
        Transport = new ApiTransport(http);
        Auth = new AuthClient(Transport);
        Resources = new ResourcesClient(Transport);
        Reservations = new ReservationsClient(Transport);
        Holds = new HoldsClient(Transport);
        Waitlist = new WaitlistClient(Transport);
        Integrations = new IntegrationsClient(Transport);
        System = new SystemClient(Transport);
        Audit = new AuditClient(Transport);
        Access = new AccessClient(Transport);
        Organisation = new OrganisationClient(Transport);
    }

    /// <summary>Raw access, for what the typed clients do not cover.</summary>
    public ApiTransport Transport { get; }

    /// <summary>Registration, tokens, sign-out and the profile.</summary>
    public AuthClient Auth { get; }

    /// <summary>Resources, their availability, slots and status.</summary>
    public ResourcesClient Resources { get; }

    /// <summary>Reservations and series.</summary>
    public ReservationsClient Reservations { get; }

    /// <summary>Holds.</summary>
    public HoldsClient Holds { get; }

    /// <summary>Waitlist entries and offers.</summary>
    public WaitlistClient Waitlist { get; }

    /// <summary>Notifications, calendar feeds and webhooks.</summary>
    public IntegrationsClient Integrations { get; }

    /// <summary>Roles, user administration, permissions and MFA.</summary>
    public AccessClient Access { get; }

    /// <summary>Health and the availability summary.</summary>
    public SystemClient System { get; }

    /// <summary>The audit log and the user's own activity.</summary>
    public AuditClient Audit { get; }

    /// <summary>Groups, labels, tags, saved searches and search suggestions.</summary>
    public OrganisationClient Organisation { get; }
}
