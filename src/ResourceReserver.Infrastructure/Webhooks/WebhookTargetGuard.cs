using System.Net;
using System.Net.Sockets;

namespace ResourceReserver.Infrastructure.Webhooks;

/// <summary>
/// The SSRF guard: webhook targets must be public addresses. Checked when a webhook is saved and again on every
/// connection (in the HTTP handler's connect callback), so a DNS answer that changes later cannot point us inward.
/// </summary>
public static class WebhookTargetGuard
{
    /// <summary>Null when the URL is acceptable, else why not.</summary>
    public static string? Check(string? url, bool allowPrivate)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "url must be an absolute http or https URL.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo) || url!.Length > 2000)
        {
            return "url must not carry credentials and must be at most 2000 characters.";
        }

        if (!allowPrivate && IPAddress.TryParse(uri.IdnHost, out var address) && !IsPublic(address))
        {
            return "url points at a loopback, private or otherwise internal address.";
        }

        if (!allowPrivate && uri.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "url points at a loopback, private or otherwise internal address.";
        }

        return null;
    }

    /// <summary>An HTTP handler that refuses to connect to non-public addresses unless allowed.</summary>
    public static SocketsHttpHandler Handler(bool allowPrivate) => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = async (context, ct) =>
        {
            var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var target = addresses.FirstOrDefault(a => allowPrivate || IsPublic(a))
                ?? throw new HttpRequestException($"Refused to connect to {context.DnsEndPoint.Host}: not a public address.");
            var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
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
