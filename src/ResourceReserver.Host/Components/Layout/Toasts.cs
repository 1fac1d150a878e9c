namespace ResourceReserver.Host.Components.Layout;

/// <summary>One circuit's short-lived messages (live notifications, confirmations), shown by <c>ToastHost</c>.</summary>
public sealed class Toasts
{
    private readonly List<Toast> _items = [];

    /// <summary>Raised on the circuit's thread or another one; handlers marshal with <c>InvokeAsync</c>.</summary>
    public event Action? Changed;

    /// <summary>The toasts shown now, oldest first.</summary>
    public IReadOnlyList<Toast> Items
    {
        get
        {
            lock (_items)
            {
                return _items.ToList();
            }
        }
    }

    /// <summary>Shows a toast for <paramref name="visibleFor"/> (8 seconds by default).</summary>
    public void Show(string title, string? body = null, string? link = null, TimeSpan? visibleFor = null)
    {
        var toast = new Toast(Guid.NewGuid(), title, body, link);
        lock (_items)
        {
            _items.Add(toast);
            if (_items.Count > 4)
            {
                _items.RemoveAt(0);
            }
        }

        Changed?.Invoke();
        _ = RemoveLaterAsync(toast, visibleFor ?? TimeSpan.FromSeconds(8));
    }

    /// <summary>Removes a toast now.</summary>
    public void Dismiss(Guid id)
    {
        lock (_items)
        {
            _items.RemoveAll(t => t.Id == id);
        }

        Changed?.Invoke();
    }

    private async Task RemoveLaterAsync(Toast toast, TimeSpan delay)
    {
        await Task.Delay(delay);
        Dismiss(toast.Id);
    }
}

/// <summary>A toast's content; <paramref name="Link"/> makes the title a link.</summary>
public sealed record Toast(Guid Id, string Title, string? Body, string? Link);
