using Governance.Domain.Common;
using Governance.Domain.Municipalities;

namespace Governance.Domain.Organisation;

/// <summary>A team of municipal staff (e.g. "Onderzoek en Statistiek") responsible for indicators.</summary>
public sealed class Team : AggregateRoot, IMunicipalityOwned
{
    public const int NameMaxLength = 120;

    private Team() => Name = null!;

    public Team(MunicipalityId municipalityId, string name)
    {
        Id = TeamId.New();
        MunicipalityId = municipalityId;
        Name = Guard.Text(name, nameof(Name), NameMaxLength);
    }

    public TeamId Id { get; private set; }

    public MunicipalityId MunicipalityId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Set once the team no longer exists: it gets no new indicators or members; its history stays.</summary>
    public DateOnly? RetiredOn { get; private set; }

    public bool IsRetired => RetiredOn is not null;

    public const int ContactMaxLength = 120;

    /// <summary>Who a letter on this team's figures names under "behandeld door", e.g. "I. (Ira) Bongers".</summary>
    public string? LetterHandledBy { get; private set; }

    public string? LetterPhone { get; private set; }

    public string? LetterEmail { get; private set; }

    /// <summary>Sets the contact a letter on the team's figures gives; empty clears it (the municipality's contact details are used then).</summary>
    public void SetLetterContact(string? handledBy, string? phone, string? email)
    {
        LetterHandledBy = Guard.OptionalText(handledBy, nameof(LetterHandledBy), ContactMaxLength);
        LetterPhone = Guard.OptionalText(phone, nameof(LetterPhone), ContactMaxLength);
        LetterEmail = Guard.OptionalText(email, nameof(LetterEmail), ContactMaxLength);
    }

    public void Rename(string name) => Name = Guard.Text(name, nameof(Name), NameMaxLength);

    public void Retire(DateOnly on) => RetiredOn ??= on;

    public void Reinstate() => RetiredOn = null;
}
