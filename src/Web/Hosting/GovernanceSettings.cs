using Governance.Domain.Persistence;
using Governance.Domain.Planning;

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

    public ScheduleSettings Schedule { get; set; } = new();

    public JobSettings Jobs { get; set; } = new();
}

/// <summary>Background work: whether this instance runs the Hangfire server (every instance shows the dashboard).</summary>
public sealed class JobSettings
{
    public bool RunServer { get; set; } = true;

    public int WorkerCount { get; set; } = 2;
}

/// <summary>
/// How deadlines are counted: which Dutch public holidays the municipality is closed on, extra
/// closing days, and the step lengths in (working) days.
/// </summary>
public sealed class ScheduleSettings
{
    /// <summary>Empty means the usual set (<see cref="DutchPublicHolidays.Default"/>).</summary>
    public List<DutchHoliday> Holidays { get; set; } = [];

    public List<DateOnly> ExtraClosedDays { get; set; } = [];

    public DeadlineRules Deadlines { get; set; } = new();

    public WorkingDayCalendar WorkingDays() =>
        WorkingDayCalendar.Dutch(Holidays.Count > 0 ? Holidays : DutchPublicHolidays.Default, ExtraClosedDays);
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
