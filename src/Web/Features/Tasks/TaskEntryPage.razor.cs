using Governance.Domain.Common;
using Governance.Web.Components.Shared;
using Governance.Web.Hosting;
using Governance.Workflows.ReportingCycles;
using Mediator;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Governance.Web.Features.Tasks;

/// <summary>
/// One task's value, entered by its team: loads the task, keeps the draft the form binds to, and sends it. When someone
/// saved the same value meanwhile, both are shown and the person chooses; a change elsewhere in the report is saved over.
/// </summary>
public partial class TaskEntryPage
{
    private TaskEntry? _entry;
    private IndicatorWriting _writing = default!;
    private string? _notFound;
    private List<BreadcrumbItem> _breadcrumbs = [];
    private bool _busy;
    private readonly ValueDraft _draft = new();
    private readonly FieldErrors _errors = new();
    private EnteredValue? _conflict;
    private RecordIndicatorValueCommand? _pending;

    [Inject]
    private ISender Sender { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private CurrentUser User { get; set; } = default!;

    [Inject]
    private TaskInbox Inbox { get; set; } = default!;

    [Parameter]
    public Guid TaskId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        await LoadAsync();
        Fill(_entry?.Current);
    }

    private async Task LoadAsync()
    {
        var result = await Sender.Send(new GetTaskEntryQuery(TaskId));
        _entry = result.Succeeded ? result.Value : null;
        _notFound = result.Succeeded ? null : result.Error is Forbidden ? L["Tasks.NotYourTeam"].Value : L["Tasks.NotFound"].Value;
        if (_entry is { } entry)
        {
            _writing = new IndicatorWriting(entry.Indicator, L);
        }

        _breadcrumbs = [new BreadcrumbItem(L["Tasks.Title"], "/tasks"), new BreadcrumbItem(_entry?.Indicator.Name ?? "", null, disabled: true)];
    }

    /// <summary>Puts a stored value (or nothing) in the form.</summary>
    private void Fill(EnteredValue? value)
    {
        _errors.ClearAll();
        if (_entry is { } entry)
        {
            _draft.Fill(value, entry.Indicator);
        }
    }

    private async Task SaveAsync(ValueIntent intent)
    {
        if (_entry is { } entry && _draft.Build(entry, intent, User, _errors, L) is { } command)
        {
            await SendAsync(command);
        }
    }

    private async Task SendAsync(RecordIndicatorValueCommand command)
    {
        _busy = true;
        try
        {
            var loadedValue = _entry?.Current;
            var result = await Sender.Send(command);
            if (result.Succeeded)
            {
                _conflict = null;
                Snackbar.Add(command.Intent == ValueIntent.SaveDraft ? L["Tasks.DraftSaved"] : L["Tasks.Submitted"], Severity.Success);
                Inbox.Changed();
                await LoadAsync();
                Fill(_entry?.Current);
                return;
            }

            switch (result.Error)
            {
                case Invalid:
                    _errors.Take(result.Error);
                    break;
                case Conflict:
                    await LoadAsync();
                    if (_entry is { } fresh && Same(fresh.Current, loadedValue))
                    {
                        // Something else in this report changed (another indicator): this value did not, so save it on the new version.
                        await SendAsync(command with { Version = fresh.CycleVersion });
                        return;
                    }

                    // Someone saved this very value meanwhile: show both and let the person choose.
                    _conflict = _entry?.Current;
                    _pending = command;
                    break;
                default:
                    Snackbar.Add(result.Error.Message, Severity.Error);
                    await LoadAsync();
                    break;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task KeepMineAsync()
    {
        if (_pending is { } mine && _entry is { } fresh)
        {
            _conflict = null;
            await SendAsync(mine with { Version = fresh.CycleVersion });
        }
    }

    private void KeepTheirs()
    {
        _conflict = null;
        _pending = null;
        Fill(_entry?.Current);
        Snackbar.Add(L["Tasks.KeptTheirs"], Severity.Info);
    }

    // Every recording has its own moment and author: the same pair means nobody recorded this value since it was read.
    private static bool Same(EnteredValue? a, EnteredValue? b) => a?.RecordedAtUtc == b?.RecordedAtUtc && a?.RecordedBy == b?.RecordedBy;
}
