namespace ResourceReserver.Host.RateLimits;

/// <summary>Counts requests per partition in fixed windows; the same partition is one budget on every silo.</summary>
public interface IRequestBudget
{
    /// <summary>Spends one request of <paramref name="partition"/>'s budget of <paramref name="limit"/> per window.</summary>
    ValueTask<BudgetAnswer> SpendAsync(string partition, int limit);
}

/// <summary>What spending one request answered: allowed or not, and what the rate-limit headers say.</summary>
/// <param name="Allowed">False when the window's budget was already used up.</param>
/// <param name="Limit">Requests per window.</param>
/// <param name="Remaining">Requests left in this window.</param>
/// <param name="ResetIn">Time until the window ends and the budget is whole again.</param>
public readonly record struct BudgetAnswer(bool Allowed, int Limit, int Remaining, TimeSpan ResetIn)
{
    /// <summary>The answer a caller should report when it spent from several budgets: a refusal, else the tightest.</summary>
    public static BudgetAnswer Tightest(BudgetAnswer first, BudgetAnswer second) =>
        first.Allowed != second.Allowed ? (first.Allowed ? second : first)
        : first.Remaining <= second.Remaining ? first : second;
}
