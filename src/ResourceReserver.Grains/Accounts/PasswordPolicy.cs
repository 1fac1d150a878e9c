using System.Text.RegularExpressions;

namespace ResourceReserver.Accounts;

/// <summary>What a username and a password must look like; pure, shared by the API and the user grain.</summary>
public static partial class PasswordPolicy
{
    /// <summary>Checks a username: 3–50 characters of letters, digits, '_' and '-'.</summary>
    public static string? CheckUsername(string? username) =>
        username is not null && UsernamePattern().IsMatch(username)
            ? null
            : "Usernames have 3 to 50 characters: letters, digits, '_' and '-'.";

    /// <summary>Every rule the password breaks; empty when it is acceptable.</summary>
    public static IReadOnlyList<string> Check(string? password, string? username)
    {
        var problems = new List<string>();
        if (password is null || password.Length < 8 || password.Length > 128)
        {
            problems.Add("The password must have between 8 and 128 characters.");
            return problems;
        }

        if (!password.Any(char.IsUpper))
        {
            problems.Add("The password needs an upper-case letter.");
        }

        if (!password.Any(char.IsLower))
        {
            problems.Add("The password needs a lower-case letter.");
        }

        if (!password.Any(char.IsDigit))
        {
            problems.Add("The password needs a digit.");
        }

        if (password.All(char.IsLetterOrDigit))
        {
            problems.Add("The password needs a symbol.");
        }

        if (!string.IsNullOrEmpty(username) && password.Contains(username, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("The password must not contain the username.");
        }

        if (CommonPasswords.Contains(password))
        {
            problems.Add("The password is one of the most common passwords; choose a less predictable one.");
        }

        return problems;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-]{3,50}\z")]
    private static partial Regex UsernamePattern();
}
