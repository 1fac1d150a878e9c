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

    // Looked up rather than injected, so components also render where no limiter is registered (component tests).
    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private IStringLocalizer<UiText> Texts { get; set; } = default!;

    /// <summary>Spends the action's budget, then runs the handler and re-renders like <see cref="ComponentBase"/>.</summary>
    async Task IHandleEvent.HandleEventAsync(EventCallbackWorkItem callback, object? arg)
    {
        if (!InAction.Value && arg is not (KeyboardEventArgs or FocusEventArgs)
            && Services.GetService<UiActionBudget>() is { } budget && Services.GetService<Toasts>() is { } toasts && RendererInfo.IsInteractive)
        {
            InAction.Value = true;
            if (await budget.RefusalAsync() is { } refused)
            {
                var seconds = Problems.Problem.RetryAfterSeconds(refused.ResetIn);
                var title = Texts["Too many actions in a short time."].Value;
                if (!toasts.Items.Any(t => t.Title == title))
                {
                    // Long enough to be read even when the window is about to end (a 1-second toast flashes by unread).
                    toasts.Show(title, Texts["Wait {0} seconds, then try again.", seconds], visibleFor: TimeSpan.FromSeconds(Math.Clamp(seconds, 8, 30)));
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
