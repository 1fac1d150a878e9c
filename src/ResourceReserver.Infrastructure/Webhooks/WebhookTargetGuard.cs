using System.Net;
using System.Net.Sockets;

namespace ResourceReserver.Infrastructure.Webhooks;

/// <summary>
/// The SSRF guard: webhook targets must be public addresses. The host name is canonicalised first (case,
/// trailing dots, IDN), then every address it resolves to (hosts file or DNS) must be public. Checked when a
/// webhook is saved and again on every connection, which then goes to exactly the address that was checked, so
/// a DNS answer that changes in between cannot point us inward. Redirects are never followed.
/// </summary>
public static class WebhookTargetGuard
{
    private const string Internal = "url points at a loopback, private or otherwise internal address.";

    /// <summary>Resolves a host name to its addresses; <see cref="Dns.GetHostAddressesAsync(string, CancellationToken)"/> unless a test swaps it.</summary>
    public delegate Task<IPAddress[]> Resolver(string host, CancellationToken ct);

    /// <summary>Null when the URL is acceptable, else why not.</summary>
    public static async Task<string?> CheckAsync(string? url, bool allowPrivate, CancellationToken ct, Resolver? resolve = null)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "url must be an absolute http or https URL.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || url!.Length > 2000)
        {
            return "url must not carry credentials and must be at most 2000 characters.";
        }

        if (allowPrivate)
        {
            return null;
        }

        try
        {
            return await ResolvePublicAsync(uri.IdnHost, resolve ?? Dns.GetHostAddressesAsync, ct) is null ? Internal : null;
        }
        catch (SocketException)
        {
            return "url's host name does not resolve.";
        }
    }

    /// <summary>An HTTP handler that connects only to the public address it checked, unless private targets are allowed.</summary>
    public static SocketsHttpHandler Handler(bool allowPrivate, Resolver? resolve = null) => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = async (context, ct) =>
        {
            var lookup = resolve ?? Dns.GetHostAddressesAsync;
            var target = allowPrivate
                ? (await lookup(Canonical(context.DnsEndPoint.Host), ct)).FirstOrDefault()
                : await ResolvePublicAsync(context.DnsEndPoint.Host, lookup, ct);
            if (target is null)
            {
                throw new HttpRequestException($"Refused to connect to {context.DnsEndPoint.Host}: not a public address.");
            }

            var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                // The address just checked, not a second lookup: that is what pins the connection.
                await socket.ConnectAsync(new IPEndPoint(target, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>The host as resolvers see it: lower case, without the trailing dots that make a name absolute, IPv6 unbracketed.</summary>
    public static string Canonical(string host) => host.Trim('[', ']').TrimEnd('.').ToLowerInvariant();

    /// <summary>
    /// A public address of <paramref name="host"/>, or null when any address it has is internal (a name that
    /// points inward even in part is refused). Throws <see cref="SocketException"/> when the name does not resolve.
    /// </summary>
    private static async Task<IPAddress?> ResolvePublicAsync(string host, Resolver resolve, CancellationToken ct)
    {
        var canonical = Canonical(host);
        if (canonical.Length == 0 || canonical == "localhost" || canonical.EndsWith(".localhost", StringComparison.Ordinal))
        {
            return null;
        }

        var addresses = IPAddress.TryParse(canonical, out var literal) ? [literal] : await resolve(canonical, ct);
        return addresses.Length > 0 && addresses.All(IsPublic) ? addresses[0] : null;
    }

    /// <summary>True for globally routable unicast addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (b[0] & 0xFE) == 0xFC);
        }

        var v4 = address.GetAddressBytes();
        return v4[0] switch
        {
            0 or 10 or 127 => false,
            100 when v4[1] is >= 64 and < 128 => false,
            169 when v4[1] == 254 => false,
            172 when v4[1] is >= 16 and < 32 => false,
            192 when v4[1] == 168 || (v4[1] == 0 && v4[2] is 0 or 2) => false,
            198 when v4[1] is 18 or 19 => false,
            >= 224 => false,
            _ => true,
        };
    }
}
