using Governance.Domain.Indicators;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Domain.ReportingCycles;

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

    public TimerRules Timers { get; set; } = new();

    /// <summary>When a change on the previous period needs an explanation before the value is submitted.</summary>
    public ValueRules Values { get; set; } = new();

    public JobSettings Jobs { get; set; } = new();

    /// <summary>Letters: the pattern of reference numbers.</summary>
    public Governance.Workflows.Letters.LetterRules Letters { get; set; } = new();

    public MailSettings Mail { get; set; } = new();

    public SingleSignOnSettings SingleSignOn { get; set; } = new();
}

/// <summary>
/// Sign-in through the municipality's own identity provider (OpenID Connect). Accounts stay in Governance: a person
/// signs in when the provider's verified e-mail address (or, once linked, subject) belongs to an active account.
/// </summary>
public sealed class SingleSignOnSettings
{
    /// <summary>The provider's issuer address, e.g. https://login.microsoftonline.com/{tenant}/v2.0; empty: no single sign-on.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>A secret: set it in the environment or a secret store, never in a file in the repository.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The name on the sign-in button: "Aanmelden met {DisplayName}".</summary>
    public string DisplayName { get; set; } = "uw gemeente-account";

    /// <summary>The claim that lists the person's groups; with <see cref="RoleGroups"/>, roles follow the groups at every sign-in.</summary>
    public string? GroupClaim { get; set; }

    /// <summary>Group name or id → Governance role, e.g. "GOV-Griffie": "Griffie". Empty: roles are kept in Governance only.</summary>
    public Dictionary<string, string> RoleGroups { get; set; } = [];

    /// <summary>Only for a provider on this machine in tests; a real provider is reached over https.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}

/// <summary>
/// E-mail: over SMTP when a host is set, otherwise into a pickup folder (one .eml file per e-mail), so
/// development and the demo need no mail server.
/// </summary>
public sealed class MailSettings
{
    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 587;

    public bool UseStartTls { get; set; } = true;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "governance@gemeente.invalid";

    public string FromName { get; set; } = "Governance";

    /// <summary>Relative to the data folder when not rooted.</summary>
    public string PickupFolder { get; set; } = "mail-pickup";

    /// <summary>The address of the app, for links in e-mails.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";
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

    /// <summary>The administrator's name as colleagues know it; "Beheerder" when not set.</summary>
    public string? DisplayName { get; set; }
}
