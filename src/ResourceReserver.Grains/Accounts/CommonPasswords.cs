namespace ResourceReserver.Accounts;

/// <summary>
/// The 10,000 most common passwords (embedded <c>common-passwords.txt</c>, source in its NOTICE). A password counts
/// as common when its lower-case form is listed, or is listed once the decoration that password rules push
/// people to add is taken off the end: trailing symbols, then trailing digits (<c>Password1!</c> → <c>password1</c>).
/// </summary>
public static class CommonPasswords
{
    private static readonly Lazy<HashSet<string>> List = new(Load);

    /// <summary>How many passwords the list holds.</summary>
    public static int Count => List.Value.Count;

    /// <summary>True when <paramref name="password"/> or its undecorated stem is on the list.</summary>
    public static bool Contains(string password)
    {
        var candidate = password.ToLowerInvariant();
        if (List.Value.Contains(candidate))
        {
            return true;
        }

        var withoutSymbols = candidate.TrimEnd(Symbols);
        if (withoutSymbols.Length >= 4 && List.Value.Contains(withoutSymbols))
        {
            return true;
        }

        var stem = withoutSymbols.TrimEnd("0123456789".ToCharArray()).TrimEnd(Symbols);
        return stem.Length >= 6 && List.Value.Contains(stem);
    }

    private static readonly char[] Symbols = "!@#$%^&*()-_=+[]{};:'\",.<>/?\\|`~ ".ToCharArray();

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The embedded common-password list is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim() is { Length: > 0 } entry)
            {
                set.Add(entry.ToLowerInvariant());
            }
        }

        return set;
    }
}
