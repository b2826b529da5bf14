using Microsoft.AspNetCore.Components;

namespace Governance.Web.Components.Shared;

/// <summary>
/// A list's search, filters, sort and page kept in the address, so Back (and a shared link) restores the list as it was.
/// Pages read their state with <c>[SupplyParameterFromQuery]</c> and write it here after each load.
/// </summary>
public static class ListAddress
{
    public static readonly int[] PageSizes = [10, 25, 50, 100];

    /// <summary>Replaces the address with <paramref name="state"/> (null values drop out), without a new history entry.</summary>
    public static void Keep(NavigationManager navigation, RendererInfo renderer, IReadOnlyDictionary<string, object?> state)
    {
        if (!renderer.IsInteractive)
        {
            return;
        }

        var address = navigation.GetUriWithQueryParameters(state);
        if (address != navigation.Uri)
        {
            navigation.NavigateTo(address, new NavigationOptions { ReplaceHistoryEntry = true });
        }
    }

    /// <summary>The zero-based page from the address's one-based <c>page</c>.</summary>
    public static int PageIndex(int? page) => Math.Max(0, (page ?? 1) - 1);

    /// <summary>The page size from the address when it is one the pager offers, else <paramref name="standard"/>.</summary>
    public static int PageSize(int? size, int standard, int[]? offered = null) => size is { } s && (offered ?? PageSizes).Contains(s) ? s : standard;

    /// <summary>The page for the address: none for the first.</summary>
    public static int? Page(int pageIndex) => pageIndex > 0 ? pageIndex + 1 : null;

    /// <summary>The page size for the address: none for the standard one.</summary>
    public static int? Size(int pageSize, int standard) => pageSize != standard ? pageSize : null;

    /// <summary>A search as the address keeps it: trimmed, none when blank.</summary>
    public static string? Search(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
