namespace Governance.Domain.Persistence;

/// <summary>
/// Contexts that see every municipality, for scheduled jobs and workflow steps that work across the
/// region (opening cycles, the deadline sweep). Never handed to code that acts for a person.
/// </summary>
public interface ISystemDatabase
{
    GovernanceDbContext CreateContext();
}
