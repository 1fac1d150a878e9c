namespace ResourceReserver.Accounts;

/// <summary>BCrypt cost; tests lower it, production keeps the default.</summary>
public sealed class PasswordHashingOptions
{
    /// <summary>BCrypt work factor (log2 rounds).</summary>
    public int WorkFactor { get; set; } = 11;
}
