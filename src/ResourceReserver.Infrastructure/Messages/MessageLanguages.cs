using Microsoft.Extensions.Localization;
using ResourceReserver.Contracts;

namespace ResourceReserver.Infrastructure.Messages;

/// <summary>Hands out the message wording in each user's saved language (<see cref="NotificationPreferences.Language"/>).</summary>
public sealed class MessageLanguages(IStringLocalizer<MessageText> texts)
{
    /// <summary>The wording in <paramref name="language"/>.</summary>
    public MessageWording In(string? language) => new(texts, language);

    /// <summary>The wording <paramref name="user"/> reads (English for an unknown user).</summary>
    public MessageWording For(UserProfile? user) => In(user?.Preferences.Language);
}
