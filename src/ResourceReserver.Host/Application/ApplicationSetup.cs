using ResourceReserver.Host.Analytics;
using ResourceReserver.Host.Organisation;

namespace ResourceReserver.Host.Application;

/// <summary>Registers the application services: the one place the REST API and the web UI take their rules from.</summary>
public static class ApplicationSetup
{
    /// <summary>Adds the account, role, user administration, MFA, resource, reservation, hold, waitlist, calendar, notification and webhook services.</summary>
    public static WebApplicationBuilder AddReserverApplication(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SecurityEvents>();
        builder.Services.AddSingleton<AccountService>();
        builder.Services.AddSingleton<ResourceService>();
        builder.Services.AddSingleton<ReservationService>();
        builder.Services.AddSingleton<HoldService>();
        builder.Services.AddSingleton<ApprovalService>();
        builder.Services.AddSingleton<ApproverNames>();
        builder.Services.AddSingleton<WaitlistService>();
        builder.Services.AddSingleton<CalendarService>();
        builder.Services.AddSingleton<NotificationService>();
        builder.Services.AddSingleton<WebhookService>();
        builder.Services.AddSingleton<RoleService>();
        builder.Services.AddSingleton<UserAdminService>();
        builder.Services.AddSingleton<QuotaService>();
        builder.Services.AddSingleton<MfaService>();
        builder.Services.AddSingleton<ClientAuthenticator>();
        builder.Services.AddSingleton<OAuthClientService>();
        builder.Services.AddSingleton<TokenEndpointService>();
        builder.Services.AddSingleton<OAuthAuthorizationService>();
        builder.Services.AddSingleton<Infrastructure.Accounts.UserDirectory>();
        builder.AddReserverOrganisation();
        builder.AddReserverAnalytics();
        return builder;
    }
}
