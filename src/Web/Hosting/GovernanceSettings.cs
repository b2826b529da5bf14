using Governance.Domain.Persistence;

namespace Governance.Web.Hosting;

/// <summary>The settings of an installation, read from the "Governance" section of appsettings.json.</summary>
public sealed class GovernanceSettings
{
    public const string Section = "Governance";

    /// <summary>Demo mode: demo municipalities, data and users with known passwords. Never in production.</summary>
    public bool Demo { get; set; }

    /// <summary>Where the SQLite file and other data live; relative to the app's content root.</summary>
    public string DataFolder { get; set; } = "App_Data";

    public DatabaseProvider DatabaseProvider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty for the default SQLite file in the data folder.</summary>
    public string? ConnectionString { get; set; }

    public FirstAdministratorSettings FirstAdministrator { get; set; } = new();
}

/// <summary>The administrator created at first start outside demo mode (no default password exists).</summary>
public sealed class FirstAdministratorSettings
{
    public string? Email { get; set; }

    public string? Password { get; set; }

    public string? MunicipalityName { get; set; }

    /// <summary>The CBS code, e.g. GM0935.</summary>
    public string? MunicipalityCode { get; set; }
}
