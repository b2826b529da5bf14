using Governance.Domain.Municipalities;

namespace Governance.Domain.Common;

/// <summary>
/// Whose data a unit of work may see: one municipality for a person, all of them for the system
/// (scheduled jobs, demo seeding, administration across the region). Nothing when unknown.
/// </summary>
public interface IMunicipalityContext
{
    MunicipalityId? MunicipalityId { get; }

    bool IsSystem { get; }
}

/// <summary>A fixed scope, for jobs, seeding and tests.</summary>
public sealed class FixedMunicipalityContext(MunicipalityId? municipalityId, bool isSystem) : IMunicipalityContext
{
    public static FixedMunicipalityContext System { get; } = new(null, true);

    public static FixedMunicipalityContext Nobody { get; } = new(null, false);

    public static FixedMunicipalityContext For(MunicipalityId municipalityId) => new(municipalityId, false);

    public MunicipalityId? MunicipalityId { get; } = municipalityId;

    public bool IsSystem { get; } = isSystem;
}
