using Governance.Domain.Municipalities;

namespace Governance.Domain.Common;

/// <summary>
/// Data that belongs to one municipality. The database applies a filter on this property
/// for every query, so a person only ever sees their own municipality's rows.
/// </summary>
public interface IMunicipalityOwned
{
    MunicipalityId MunicipalityId { get; }
}
