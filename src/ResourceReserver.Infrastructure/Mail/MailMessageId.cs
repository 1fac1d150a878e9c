using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace ResourceReserver.Infrastructure.Mail;

/// <summary>
/// The Message-ID of a queued mail, derived from its queue key. Between the SMTP server accepting a message and
/// the queue marking it sent, a crash makes the next attempt send it again; with the same Message-ID on every
/// attempt, receivers and mail stores that drop duplicates by Message-ID see one message.
/// </summary>
public static class MailMessageId
{
    /// <summary>The Message-ID (without angle brackets) for the mail with <paramref name="key"/>, sent from <paramref name="from"/>.</summary>
    public static string For(string key, string from)
    {
        // Hashed, so the header shows no reservation ids; the sender's domain keeps it globally unique per RFC 5322.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        var domain = MailboxAddress.TryParse(from, out var address) && address.Domain is { Length: > 0 } d ? d : "resource-reserver.local";
        return $"{hash}@{domain}";
    }
}
