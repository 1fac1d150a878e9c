using ResourceReserver.IntegrationTests.Cluster;

namespace ResourceReserver.IntegrationTests.Live;

/// <summary>Silo settings for the integration tests: fast polls, mail to the test's SMTP sink, loopback webhooks.</summary>
public static class IntegrationSettings
{
    /// <summary>A production-mode silo on a fresh database; mail, reminders and webhooks polled every 200 ms (event consumers are woken by commits).</summary>
    public static async Task<Dictionary<string, string>> FastAsync(string prefix)
    {
        var settings = TestServers.ProductionSettings(await TestServers.CreateDatabaseAsync(), prefix + "-" + Guid.NewGuid().ToString("N")[..8]);
        settings["Mail__PollInterval"] = "00:00:00.2";
        settings["Reminders__PollInterval"] = "00:00:00.2";
        settings["Webhooks__PollInterval"] = "00:00:00.2";
        settings["Webhooks__AllowPrivateNetworks"] = "true";
        return settings;
    }

    /// <summary>Sends mail, unencrypted, to <paramref name="smtp"/>.</summary>
    public static Dictionary<string, string> WithMail(this Dictionary<string, string> settings, SmtpSink smtp)
    {
        settings["Mail__Enabled"] = "true";
        settings["Mail__Host"] = "127.0.0.1";
        settings["Mail__Port"] = smtp.Port.ToString();
        settings["Mail__Security"] = "None";
        settings["Mail__RetrySchedule"] = "00:00:01";
        return settings;
    }
}
