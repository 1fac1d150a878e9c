using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using ResourceReserver.Host.Components.Layout;
using ResourceReserver.Host.RateLimits;

namespace ResourceReserver.Host.Components;

/// <summary>
/// The base of every page and component (<c>_Imports.razor</c>): a user action that arrives through the circuit (a
/// click, a submitted form, a changed field) spends one request of the user's rate-limit budget before its handler
/// runs. Over the limit the handler does not run and a toast says how long to wait. One browser event counts once,
/// however many components' callbacks it passes through; key and focus events ride along with the input or click
/// they belong to and are not counted on their own (typing a search counts one action per character, not three).
/// </summary>
public abstract class ReserverComponent : ComponentBase, IHandleEvent
{
    private static readonly AsyncLocal<bool> InAction = new();

    [Inject]
    private UiActionBudget Budget { get; set; } = default!;

    [Inject]
    private Toasts Toasts { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiText> Texts { get; set; } = default!;

    /// <summary>Spends the action's budget, then runs the handler and re-renders like <see cref="ComponentBase"/>.</summary>
    async Task IHandleEvent.HandleEventAsync(EventCallbackWorkItem callback, object? arg)
    {
        if (RendererInfo.IsInteractive && !InAction.Value && arg is not (KeyboardEventArgs or FocusEventArgs))
        {
            InAction.Value = true;
            if (await Budget.RefusalAsync() is { } refused)
            {
                var seconds = Problems.Problem.RetryAfterSeconds(refused.ResetIn);
                var title = Texts["Too many actions in a short time."].Value;
                if (!Toasts.Items.Any(t => t.Title == title))
                {
                    Toasts.Show(title, Texts["Wait {0} seconds, then try again.", seconds], visibleFor: TimeSpan.FromSeconds(Math.Min(seconds, 30)));
                }

                return;
            }
        }

        var task = callback.InvokeAsync(arg);
        var pending = task.Status is not (TaskStatus.RanToCompletion or TaskStatus.Canceled);
        StateHasChanged();
        if (!pending)
        {
            return;
        }

        try
        {
            await task;
        }
        catch when (task.IsCanceled)
        {
            // A cancelled handler renders nothing more, as in ComponentBase.
            return;
        }

        StateHasChanged();
    }
}
