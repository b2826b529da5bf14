using MudBlazor;

namespace Governance.Web.Components.Layout;

/// <summary>Colours with enough contrast for WCAG 2.1 AA on white and on the primary colour.</summary>
public static class GovernanceTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#154273",
            Secondary = "#8B1A3A",
            AppbarBackground = "#154273",
            TextPrimary = "#1A1A1A",
            TextSecondary = "#4A4A4A",
            Success = "#1B5E20",
            Warning = "#8A5300",
            Error = "#B00020",
            Info = "#0B5394",
        },
    };
}
