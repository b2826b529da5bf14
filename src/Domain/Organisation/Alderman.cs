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

    public void ChangePortfolio(string portfolio) => Portfolio = Guard.Text(portfolio, nameof(Portfolio), PortfolioMaxLength);
}
