using Governance.Domain.Common;
using Governance.Domain.Municipalities;

namespace Governance.Domain.Organisation;

/// <summary>
/// A policy area (beleidsterrein) a municipality files its motions and commitments under, e.g. "Wmo" or "Armoede en
/// schuldhulpverlening"; the cockpit and the lists filter on it. Renaming it renames it on every obligation filed under it.
/// </summary>
public sealed class PolicyArea : AggregateRoot, IMunicipalityOwned
{
    public const int NameMaxLength = 80;

    private PolicyArea() => Name = null!;

    public PolicyArea(MunicipalityId municipalityId, string name)
    {
        Id = PolicyAreaId.New();
        MunicipalityId = municipalityId;
        Name = Guard.Text(name, nameof(Name), NameMaxLength);
    }

    public PolicyAreaId Id { get; private set; }

    public MunicipalityId MunicipalityId { get; private set; }

    public string Name { get; private set; }

    /// <summary>Set once nothing new is filed under the area; what was filed keeps it.</summary>
    public DateOnly? RetiredOn { get; private set; }

    public void Rename(string name) => Name = Guard.Text(name, nameof(Name), NameMaxLength);

    public void Retire(DateOnly on) => RetiredOn ??= on;

    public void Reinstate() => RetiredOn = null;
}
