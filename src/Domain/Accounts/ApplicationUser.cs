using Governance.Domain.Common;
using Governance.Domain.Municipalities;
using Governance.Domain.Organisation;
using Microsoft.AspNetCore.Identity;

namespace Governance.Domain.Accounts;

/// <summary>A person (or machine client) with an account in one municipality.</summary>
public sealed class ApplicationUser : IdentityUser, IMunicipalityOwned
{
    public const int DisplayNameMaxLength = 120;

    public string DisplayName { get; set; } = "";

    public MunicipalityId MunicipalityId { get; set; }

    /// <summary>The team of a staff member or team lead.</summary>
    public TeamId? TeamId { get; set; }

    /// <summary>The alderman this account belongs to, for a wethouder.</summary>
    public AldermanId? AldermanId { get; set; }
}
