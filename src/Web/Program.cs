using Governance.Web.Components;
using Governance.Web.Features.Account;
using Governance.Web.Features.Administration;
using Governance.Web.Features.Cockpit;
using Governance.Web.Features.Indicators;
using Governance.Web.Features.Letters;
using Governance.Web.Features.Notifications;
using Governance.Web.Features.Obligations;
using Governance.Web.Features.Organisation;
using Governance.Web.Features.Planning;
using Governance.Web.Features.PublicRegister;
using Governance.Web.Features.ReportingCycles;
using Governance.Web.Features.Regions;
using Governance.Web.Features.Import;
using Governance.Web.Features.Tasks;
using Governance.Web.Hosting;
using Governance.Web.Hosting.Seeding;

var builder = WebApplication.CreateBuilder(args);
builder.UseRootSettings();
var settings = builder.Configuration.GetSection(GovernanceSettings.Section).Get<GovernanceSettings>() ?? new GovernanceSettings();

builder.Services.Configure<GovernanceSettings>(builder.Configuration.GetSection(GovernanceSettings.Section));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(settings.Schedule.WorkingDays());
builder.Services.AddSingleton(settings.Schedule.Deadlines);
builder.Services.AddSingleton(settings.Timers);
builder.Services.AddSingleton(settings.Values);
builder.Services.AddScoped<Governance.Web.Features.Tasks.TaskInbox>();
builder.Services.AddSingleton<Governance.Workflows.ReportingCycles.CycleTimers>();
builder.Services.AddSingleton<Governance.Workflows.ReportingCycles.CycleRescheduler>();
builder.Services.AddSingleton<Governance.Workflows.ReportingCycles.IndicatorDefinitionCache>();
builder.Services.AddSingleton<Governance.Workflows.ReportingCycles.CycleValueWriter>();
builder.Services.AddSingleton(settings.Letters);
builder.Services.AddSingleton<Governance.Workflows.Letters.LetterComposer>();
builder.Services.AddSingleton<Governance.Workflows.Notifications.IMailer, Mailer>();
var database = builder.Services.AddGovernanceDatabase(settings, builder.Environment);
builder.Services.AddStartupPreparation(settings);
builder.Services.AddJobs(settings, database);
builder.Services.AddKeyRing(settings, database, builder.Environment);
builder.Services.AddSecurity(settings);
builder.Services.AddMediatorPipeline();
builder.Services.AddWebUi();
builder.Services.AddHttpApi();

var app = builder.Build();

// The database is migrated and its first data written from here on, beside the server's start (StartupPreparation).
var preparation = app.Services.GetRequiredService<StartupPreparation>();
preparation.Begin();
if (args.Contains("verify-letters"))
{
    // The check command: every finalised letter still hashes to its seal. Exit code 1 when one does not.
    try
    {
        await preparation.Prepared;
    }
    catch (SetupRequiredException e)
    {
        Environment.ExitCode = SetupRequired(e);
        return;
    }

    Environment.ExitCode = await LetterSealCheck.RunAsync(app.Services);
    return;
}

await app.StartJobsAsync(settings);
app.UseGovernancePipeline();
app.MapAccountEndpoints();
app.MapSingleSignOnEndpoints();
app.MapObligationsApi();
app.MapCockpitApi();
app.MapIndicatorsApi();
app.MapReportingCyclesApi();
app.MapLettersApi();
app.MapTasksApi();
app.MapImportApi();
app.MapAdministrationApi();
app.MapOrganisationApi();
app.MapPlanningApi();
app.MapNotificationsApi();
app.MapPublicRegister();
app.MapRegionsApi();
app.MapJobsDashboard();
app.MapOpenApi().AllowAnonymous();
app.MapStaticAssets().AllowAnonymous();
// The pages' frame-ancestors rule is part of the app's own policy (SecurityHeaders), not a second header.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);

try
{
    await app.StartAsync();
}
catch (SetupRequiredException e)
{
    Environment.ExitCode = SetupRequired(e);
    return;
}

await app.WaitForShutdownAsync();

// The host has logged the failure with its details; the person starting the app reads what to do, last.
static int SetupRequired(SetupRequiredException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

public partial class Program;
