using System.Net.Mail;
using Microsoft.AspNetCore.Http.HttpResults;
using ResourceReserver.Contracts;
using ResourceReserver.Grains;
using ResourceReserver.Host.Auth;
using ResourceReserver.Host.Problems;

namespace ResourceReserver.Host.Apis;

/// <summary>The signed-in user's own profile.</summary>
public static class UsersApi
{
    /// <summary>Maps <c>/api/v1/users</c>.</summary>
    public static RouteGroupBuilder MapUsersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization();
        group.MapGet("/me", GetMeAsync).WithName("GetMe");
        group.MapPatch("/me", UpdateMeAsync).WithName("UpdateMe");
        return group;
    }

    private static async Task<Results<Ok<UserProfile>, ProblemHttpResult>> GetMeAsync(HttpContext http, IGrainFactory grains) =>
        await grains.GetGrain<IUserGrain>(http.User.UserId()).GetProfileAsync() is { } profile
            ? TypedResults.Ok(profile)
            : Problem.Of(404, "user_not_found", "The account no longer exists.");

    private static async Task<Results<Ok<UserProfile>, ProblemHttpResult>> UpdateMeAsync(UpdateProfileRequest request, HttpContext http, IGrainFactory grains)
    {
        if (request.Email is { Length: > 0 } email && (email.Length > 254 || !MailAddress.TryCreate(email, out _)))
        {
            return Problem.Invalid("email", "Not a valid e-mail address.");
        }

        if (request.ReminderLeadTimesHours is { } leads && (leads.Count > 5 || leads.Any(h => h is < 1 or > 168)))
        {
            return Problem.Invalid("reminderLeadTimesHours", "Up to 5 lead times, each between 1 and 168 hours.");
        }

        var grain = grains.GetGrain<IUserGrain>(http.User.UserId());
        var current = await grain.GetProfileAsync();
        if (current is null)
        {
            return Problem.Of(404, "user_not_found", "The account no longer exists.");
        }

        var preferences = current.Preferences with
        {
            EmailNotifications = request.EmailNotifications ?? current.Preferences.EmailNotifications,
            ReminderLeadTimesHours = request.ReminderLeadTimesHours?.Distinct().OrderDescending().ToList() ?? current.Preferences.ReminderLeadTimesHours,
        };
        var outcome = await grain.UpdateProfileAsync(new ProfilePatch
        {
            Email = string.IsNullOrEmpty(request.Email) ? null : request.Email,
            ClearEmail = request.Email == "",
            Preferences = preferences,
        });
        return outcome.IsSuccess ? TypedResults.Ok(outcome.Value!) : Problem.From(outcome.Error!);
    }
}
