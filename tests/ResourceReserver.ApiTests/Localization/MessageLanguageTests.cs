using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ResourceReserver.ApiTests.Endpoints;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Localization;

/// <summary>Notifications are worded in the language the user saved (<c>PATCH /users/me {language}</c>).</summary>
[Collection(ApiCollection.Name)]
public sealed class MessageLanguageTests(ApiFixture api)
{
    [Theory]
    [InlineData("es", "Reserva confirmada: ")]
    [InlineData("fr", "Réservation confirmée : ")]
    [InlineData("en", "Reservation confirmed: ")]
    public async Task A_booking_notification_is_in_the_owners_language(string language, string prefix)
    {
        var (owner, _) = await api.NewUserAsync("msg" + language);
        Assert.Equal(HttpStatusCode.OK, (await owner.PatchAsJsonAsync("/api/v1/users/me", new { language })).StatusCode);
        var name = $"Sala {Guid.NewGuid():N}"[..16];
        await owner.BookOkAsync(await api.NewResourceAsync(name: name), ApiFixture.FutureHour(5, 9), ApiFixture.FutureHour(5, 10));

        var entry = await FirstNotificationAsync(owner);

        Assert.Equal("reservation_confirmed", entry.GetProperty("kind").GetString());
        Assert.Equal(prefix + name, entry.GetProperty("title").GetString());
    }

    private static async Task<JsonElement> FirstNotificationAsync(HttpClient owner)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<JsonElement> items;
        do
        {
            items = await owner.ItemsAsync("/api/v1/notifications");
            await Task.Delay(100);
        }
        while (items.Count == 0 && DateTime.UtcNow < deadline);

        return Assert.Single(items);
    }
}
