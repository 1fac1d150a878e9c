using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;

namespace ResourceReserver.Host.Hosting;

/// <summary>
/// Recovery from the server itself, for a deployment without a usable administrator:
/// <c>ResourceReserver.Host admin grant &lt;username&gt;</c> (makes the account an active administrator and lifts a lockout)
/// and <c>admin reset-password &lt;username&gt;</c> (a new password from standard input, or a generated one that is
/// printed; every session ends). The host starts as a silo of the configured deployment on free ports (so in the
/// clustered mode it joins the running cluster and the change reaches it at once), does the one thing and exits.
/// In the embedded mode the database belongs to one silo, so the command refuses while the service is running.
/// </summary>
public sealed class OperatorCommand
{
    private int _serverSiloPort;
    private bool _localhost;

    private OperatorCommand(string verb, string username, string[] configurationArgs) =>
        (Verb, Username, ConfigurationArgs) = (verb, username, configurationArgs);

    /// <summary><c>grant</c> or <c>reset-password</c>.</summary>
    public string Verb { get; }

    /// <summary>The account to act on.</summary>
    public string Username { get; }

    /// <summary>The arguments left for configuration (<c>--Storage:Provider=...</c>).</summary>
    public string[] ConfigurationArgs { get; }

    /// <summary>The command in <paramref name="args"/>, or null when the host should serve as usual.</summary>
    public static OperatorCommand? Parse(string[] args) =>
        args is ["admin", "grant" or "reset-password", var username, .. var rest] && !username.StartsWith('-')
            ? new OperatorCommand(args[1], username, rest)
            : args is ["admin", ..] ? new OperatorCommand("usage", "", args[1..]) : null;

    /// <summary>Moves the silo and HTTP endpoints of this short-lived host to free loopback ports.</summary>
    public void Prepare(WebApplicationBuilder builder)
    {
        _serverSiloPort = builder.Configuration.GetValue("Clustering:SiloPort", 11111);
        _localhost = !string.Equals(builder.Configuration["Clustering:Provider"], "Redis", StringComparison.OrdinalIgnoreCase);
        builder.Configuration["Clustering:SiloPort"] = FreePort().ToString();
        builder.Configuration["Clustering:GatewayPort"] = FreePort().ToString();
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.WebHost.UseUrls("http://127.0.0.1:0");
    }

    /// <summary>Starts the host, runs the command and stops; returns the process exit code (0 done, 1 usage, 2 refused).</summary>
    public async Task<int> RunAsync(WebApplication app)
    {
        if (Verb == "usage")
        {
            await Console.Error.WriteLineAsync("usage: ResourceReserver.Host admin grant <username> | admin reset-password <username> [--Key=Value ...]");
            return 1;
        }

        if (_localhost && IsListening(_serverSiloPort))
        {
            await Console.Error.WriteLineAsync($"The service is running (silo port {_serverSiloPort} is in use). In the embedded mode stop it first: its database belongs to one silo.");
            return 2;
        }

        var password = Verb == "reset-password" ? await NewPasswordAsync() : null;
        await app.StartAsync();
        try
        {
            var (code, message) = await ExecuteAsync(app.Services.GetRequiredService<IGrainFactory>(), password);
            await (code == 0 ? Console.Out : Console.Error).WriteLineAsync(message);
            return code;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private async Task<(int Code, string Message)> ExecuteAsync(IGrainFactory grains, string? password)
    {
        if (await grains.GetGrain<INameDirectoryGrain>(INameDirectoryGrain.Usernames).FindAsync(Username) is not { } userId)
        {
            return (2, $"There is no account named '{Username}'.");
        }

        var roles = grains.GetGrain<IRoleDirectoryGrain>(IRoleDirectoryGrain.Key);
        if (Verb == "grant")
        {
            var granted = await roles.AssignRoleAsync(userId, Roles.Admin);
            var enabled = granted.IsSuccess ? await roles.SetStatusAsync(userId, UserStatus.Active) : granted;
            return enabled.IsSuccess ? (0, $"'{Username}' is now an active administrator.") : (2, enabled.Error!.Message);
        }

        var reset = await grains.GetGrain<IUserGrain>(userId).ResetPasswordAsync(password!);
        return reset.IsSuccess
            ? (0, Console.IsInputRedirected ? $"The password of '{Username}' was changed; every session ended." : $"New password for '{Username}': {password}")
            : (2, string.Join(" ", reset.Error!.Errors?.SelectMany(e => e.Value) ?? [reset.Error.Message]));
    }

    private static async Task<string> NewPasswordAsync()
    {
        if (Console.IsInputRedirected)
        {
            return (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n') ?? "";
        }

        // 20 random characters plus one of each class the policy asks for.
        var random = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 20);
        return random + "Aa1!";
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(IPAddress.Loopback, port).Wait(TimeSpan.FromSeconds(1)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
