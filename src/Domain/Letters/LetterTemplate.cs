using Governance.Domain.Common;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;

namespace Governance.Domain.Letters;

/// <summary>
/// A municipality's Liquid template for the letters of one kind of obligation. Without one, the built-in
/// default (modelled on the real Maastricht letter) is used. The workflow checks a template before it is
/// saved; a template that fails when a letter is composed blocks that draft with a message, never a cycle.
/// </summary>
public sealed class LetterTemplate : AggregateRoot, IMunicipalityOwned
{
    public const int TextMaxLength = 100_000;

    private LetterTemplate()
    {
        Text = UpdatedBy = null!;
    }

    public LetterTemplate(MunicipalityId municipalityId, ObligationKind kind, string text, string updatedBy, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        MunicipalityId = municipalityId;
        Kind = kind;
        Text = null!;
        UpdatedBy = null!;
        Change(text, updatedBy, nowUtc);
    }

    public Guid Id { get; private set; }

    public MunicipalityId MunicipalityId { get; private set; }

    public ObligationKind Kind { get; private set; }

    public string Text { get; private set; }

    public string UpdatedBy { get; private set; }

    public DateTime UpdatedAtUtc { get; private set; }

    public void Change(string text, string updatedBy, DateTime nowUtc)
    {
        Text = Guard.Text(text, nameof(Text), TextMaxLength);
        UpdatedBy = Guard.Text(updatedBy, nameof(UpdatedBy), 120);
        UpdatedAtUtc = nowUtc;
    }
}
