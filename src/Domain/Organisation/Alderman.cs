using Governance.Domain.Common;
using Governance.Domain.Municipalities;

namespace Governance.Domain.Organisation;

/// <summary>A member of the executive (wethouder) with the portfolio (portefeuille) they hold.</summary>
public sealed class Alderman : AggregateRoot, IMunicipalityOwned
{
    public const int NameMaxLength = 120;
    public const int PortfolioMaxLength = 200;

    private Alderman()
    {
        Name = null!;
        Portfolio = null!;
    }

    public Alderman(MunicipalityId municipalityId, string name, string portfolio)
    {
        Id = AldermanId.New();
        MunicipalityId = municipalityId;
        Name = Guard.Text(name, nameof(Name), NameMaxLength);
        Portfolio = Guard.Text(portfolio, nameof(Portfolio), PortfolioMaxLength);
    }

    public AldermanId Id { get; private set; }

    public MunicipalityId MunicipalityId { get; private set; }

    public string Name { get; private set; }

    /// <summary>The portfolio as it is signed under a letter, e.g. "Wethouder WMO, Welzijn, Sociale Zaken en Gezondheid".</summary>
    public string Portfolio { get; private set; }

    /// <summary>The first day of the term (the installation); null when not recorded.</summary>
    public DateOnly? TermStart { get; private set; }

    /// <summary>The last day of the term; from then on the alderman gets no new obligations.</summary>
    public DateOnly? TermEnd { get; private set; }

    /// <summary>Who took over this alderman's obligations after the term ended.</summary>
    public AldermanId? SucceededBy { get; private set; }

    public bool InOfficeOn(DateOnly day) => (TermStart is null || TermStart <= day) && (TermEnd is null || day <= TermEnd);

    public void ChangePortfolio(string portfolio) => Portfolio = Guard.Text(portfolio, nameof(Portfolio), PortfolioMaxLength);

    public void Rename(string name) => Name = Guard.Text(name, nameof(Name), NameMaxLength);

    public void SetTerm(DateOnly? start, DateOnly? end)
    {
        if (start is { } s && end is { } e && e < s)
        {
            throw new DomainRuleException("A term ends on or after the day it starts.");
        }

        TermStart = start;
        TermEnd = end;
    }

    /// <summary>The term ended and <paramref name="successor"/> took over; the term ends on <paramref name="lastDay"/> unless it ended earlier.</summary>
    public void HandOverTo(AldermanId successor, DateOnly lastDay)
    {
        if (successor == Id)
        {
            throw new DomainRuleException("An alderman cannot succeed themselves.");
        }

        SucceededBy = successor;
        TermEnd = TermEnd is { } end && end < lastDay ? end : lastDay;
    }
}
