using Governance.Domain.Common;
using Governance.Domain.Municipalities;

namespace Governance.Domain.Organisation;

/// <summary>
/// A body of the council (the council itself, a committee or "domeinvergadering") where motions are adopted and
/// commitments made; the griffie keeps the list of commitments per committee.
/// </summary>
public sealed class Committee : AggregateRoot, IMunicipalityOwned
{
    public const int NameMaxLength = 120;

    private Committee() => Name = null!;

    public Committee(MunicipalityId municipalityId, string name)
    {
        Id = CommitteeId.New();
        MunicipalityId = municipalityId;
        Name = Guard.Text(name, nameof(Name), NameMaxLength);
    }

    public CommitteeId Id { get; private set; }

    public MunicipalityId MunicipalityId { get; private set; }

    /// <summary>As it is written under a motion or commitment, e.g. "Domeinvergadering Sociaal".</summary>
    public string Name { get; private set; }

    /// <summary>Set once the body no longer meets (a new council structure); its lists and history stay.</summary>
    public DateOnly? RetiredOn { get; private set; }

    public void Rename(string name) => Name = Guard.Text(name, nameof(Name), NameMaxLength);

    public void Retire(DateOnly on) => RetiredOn ??= on;

    public void Reinstate() => RetiredOn = null;
}
