using ResourceReserver.Infrastructure.Accounts;
using ResourceReserver.Infrastructure.Calendar;
using ResourceReserver.Infrastructure.Dispatch;
using ResourceReserver.Infrastructure.Mail;
using ResourceReserver.Infrastructure.Messages;
using ResourceReserver.Infrastructure.Notifications;
using ResourceReserver.Infrastructure.Reminders;
using ResourceReserver.Infrastructure.Webhooks;

namespace ResourceReserver.Host.Notifications;

/// <summary>The event dispatcher and its consumers: in-app notifications, reminders, e-mail and webhooks.</summary>
public static class IntegrationsSetup
{
    /// <summary>Registers stores, consumers, the dispatcher and the mail sender.</summary>
    public static WebApplicationBuilder AddReserverIntegrations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DispatchOptions>().BindConfiguration("Dispatch");
        services.AddOptions<MailOptions>().BindConfiguration("Mail");
        services.AddOptions<WebhookOptions>().BindConfiguration("Webhooks");
        services.AddOptions<ReservationReminderOptions>().BindConfiguration("Reminders");
        services.AddSingleton<WebhookStore>();
        services.AddSingleton<IEventConsumer, WebhookConsumer>();
        services.AddHostedService<WebhookDeliverer>();
        services.AddSingleton<EventLog>();
        services.AddSingleton<NotificationStore>();
        services.AddSingleton<CalendarFeedStore>();
        services.AddSingleton<MailOutbox>();
        services.AddLocalization();
        services.AddSingleton<MessageLanguages>();
        services.AddSingleton<NotificationPublisher>();
        services.AddSingleton<ApproverDirectory>();
        services.AddSingleton<ApproverNotifications>();
        services.AddSingleton<IEventConsumer, NotificationConsumer>();
        services.AddSingleton<MailConsumer>();
        services.AddSingleton<IEventConsumer>(sp => sp.GetRequiredService<MailConsumer>());
        services.AddSingleton<ReminderStore>();
        services.AddSingleton<IEventConsumer, ReminderScheduler>();
        services.AddHostedService<ReminderService>();
        services.AddHostedService<EventDispatcher>();
        services.AddHostedService<MailSender>();
        return builder;
    }
}
