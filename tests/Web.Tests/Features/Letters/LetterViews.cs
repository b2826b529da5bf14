using Governance.Domain.Letters;
using Governance.Web.Features.Letters;
using Governance.Workflows.Letters;

namespace Governance.Web.Tests.Features.Letters;

/// <summary>Letters as the pages receive them, composed with the default template on the 2021 sample.</summary>
internal static class LetterViews
{
    public static readonly Guid Hoenderkamp = Guid.NewGuid();
    public static readonly Guid Mackus = Guid.NewGuid();

    public static LetterView InApproval(Guid id, LetterActions actions, PreviousLetter? previous = null, int? staleOfMackus = null)
    {
        var content = LetterComposer.Content(LetterSamples.Sample, LetterTemplates.Default).Value!;
        var version = LetterVersion.Preview(content, new DateTime(2025, 9, 1, 8, 0, 0, DateTimeKind.Utc));
        var view = new LetterVersionView(2, version.Subject, version.HandledBy, version.Phone, version.Body, "Bewerkt door Sanne Peeters", "Sanne Peeters", version.CreatedAtUtc, version.Hash);
        var first = view with { Number = 1, Body = version.Body.Replace("93,9 %", "93,8 %", StringComparison.Ordinal), Reason = "Samengesteld uit de waarden" };
        return new LetterView(
            id, Guid.NewGuid(), "T-2024-012", "Periodiek inzicht", "1e halfjaar 2021", CouncilLetterStatus.InApproval, 7, view, [view, first],
            [
                new AldermanApproval(Hoenderkamp, "Jeroen Hoenderkamp", "Wethouder WMO", new DateTime(2025, 9, 2, 9, 0, 0, DateTimeKind.Utc), null),
                new AldermanApproval(Mackus, "Hubert Mackus", "Wethouder Jeugdzorg", null, staleOfMackus),
            ],
            null, null, null, null, null, null,
            LetterHtml.Fragment(version, new LetterHtml.Header(null, null, "Maastricht")), actions, "Maastricht", version.Data, LetterHtml.Model(version), previous);
    }
}
