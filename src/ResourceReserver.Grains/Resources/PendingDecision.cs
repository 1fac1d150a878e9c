namespace ResourceReserver.Resources;

/// <summary>A decision taken in memory and waiting for the write that holds it; the caller hears back only then.</summary>
internal abstract class PendingDecision
{
    /// <summary>How many times a version conflict sent this decision back to be decided again.</summary>
    public int Attempts { get; set; }

    /// <summary>Decides (again) on the current state; runs synchronously, so decisions never interleave.</summary>
    public abstract void Decide(ResourceLedger ledger);

    /// <summary>Done once the events of the decision's write were handed to the sink (or that failed).</summary>
    public Task Delivered { get; private set; } = Task.CompletedTask;

    /// <summary>The write holding the decision returned: answer the caller.</summary>
    public void Complete(Task delivered)
    {
        Delivered = delivered;
        Complete();
    }

    protected abstract void Complete();

    public abstract void Fail(Exception exception);

    public abstract void GiveUp(DomainError error);
}

/// <inheritdoc />
internal sealed class PendingDecision<T>(Func<Outcome<T>> decide) : PendingDecision
{
    private readonly TaskCompletionSource<Outcome<T>> _answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Outcome<T> Outcome { get; private set; } = null!;

    public Task<Outcome<T>> Answer => _answer.Task;

    public override void Decide(ResourceLedger ledger) => Outcome = decide();

    protected override void Complete() => _answer.TrySetResult(Outcome);

    public override void Fail(Exception exception) => _answer.TrySetException(exception);

    public override void GiveUp(DomainError error) => _answer.TrySetResult(error);
}
