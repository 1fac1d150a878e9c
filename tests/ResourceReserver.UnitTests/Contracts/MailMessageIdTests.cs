using ResourceReserver.Infrastructure.Mail;

namespace ResourceReserver.UnitTests.Contracts;

/// <summary>The Message-ID is a function of the queue key, so a mail re-sent after a crash carries the same one.</summary>
public sealed class MailMessageIdTests
{
    [Fact]
    public void The_same_key_gives_the_same_id_and_other_keys_other_ids()
    {
        const string from = "Resource Reserver <no-reply@example.org>";
        var id = MailMessageId.For("r1:confirmation", from);
        Assert.Equal(id, MailMessageId.For("r1:confirmation", from));
        Assert.NotEqual(id, MailMessageId.For("r1:cancellation", from));
        Assert.EndsWith("@example.org", id);
        Assert.DoesNotContain("r1", id.Split('@')[0]);
    }
}
