using Governance.Domain.Letters;
using Mediator;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Governance.Web.Features.Letters;

public partial class LetterPage
{
    private LetterView? _letter;
    private bool _notFound;
    private int _tab;
    private List<BreadcrumbItem> _breadcrumbs = [];

    [Inject]
    private ISender Sender { get; set; } = default!;

    [Parameter]
    public Guid Id { get; set; }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var result = await Sender.Send(new GetLetterQuery(Id));
        _letter = result.Succeeded ? result.Value : null;
        _notFound = !result.Succeeded;
        if (_letter is { } letter)
        {
            _breadcrumbs =
            [
                new BreadcrumbItem(L["Letters.Title"], "/letters"),
                new BreadcrumbItem($"{letter.ObligationReference}, {letter.Period}", $"/cycles/{letter.CycleId}", disabled: !letter.Actions.ReadCycle),
                new BreadcrumbItem(L["Letter.Title"], null, disabled: true),
            ];
        }
    }

    private async Task SavedAsync()
    {
        await LoadAsync();
        _tab = 0;
    }

    public static Color StatusColour(CouncilLetterStatus status) => status switch
    {
        CouncilLetterStatus.Draft => Color.Default,
        CouncilLetterStatus.InApproval => Color.Warning,
        CouncilLetterStatus.Approved => Color.Info,
        CouncilLetterStatus.Finalised => Color.Success,
        CouncilLetterStatus.Sent => Color.Success,
    };
}
