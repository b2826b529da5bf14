using Governance.Domain.Accounts;
using Governance.Domain.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.HttpOverrides;
using Governance.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Governance.Web.Hosting;

internal static class SecuritySetup
{
    private const string SelectScheme = "cookie-or-api-key";

    /// <summary>
    /// The key ring that protects sign-in cookies, antiforgery tokens and the links in invitation and password e-mails.
    /// On SQLite (one process) it lives in the data folder ("keys"), beside the database: it survives a restart or a new
    /// container, and is backed up with the data. (ASP.NET Core's default, the home folder of the account the app runs
    /// under, is lost with a container, and every invitation link sent before it with it.) On PostgreSQL it lives in the
    /// database, so that every process, on whatever machine, reads what another protected.
    /// </summary>
    public static IServiceCollection AddKeyRing(this IServiceCollection services, GovernanceSettings settings, DatabaseSettings database, IHostEnvironment environment)
    {
        var protection = services.AddDataProtection().SetApplicationName("Governance");
        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, sp) => o.XmlRepository = new DatabaseKeyRepository(sp));
        }
        else
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(KeyFolder(settings, environment)));
        }

        return services;
    }

    public static string KeyFolder(GovernanceSettings settings, IHostEnvironment environment) =>
        Path.Combine(Path.GetFullPath(Path.Combine(environment.ContentRootPath, settings.DataFolder)), "keys");

    public static IServiceCollection AddSecurity(this IServiceCollection services, GovernanceSettings settings)
    {
        services.AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B): at least 12 characters, no forced digits or capitals.
                o.Password.RequiredLength = 12;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireDigit = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                // Every sign-in asks AccountConfirmation: a deactivated account, or an invitation not yet accepted, is refused.
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddEntityFrameworkStores<GovernanceDbContext>()
            .AddDefaultTokenProviders()
            .AddAccountTokens()
            .AddErrorDescriber<DutchIdentityErrors>()
            .AddClaimsPrincipalFactory<GovernanceClaimsFactory>();

        services.AddMemoryCache();
        services.AddSingleton<ApiKeyPrincipals>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectScheme;
                o.DefaultAuthenticateScheme = SelectScheme;
                o.DefaultChallengeScheme = SelectScheme;
                o.DefaultForbidScheme = SelectScheme;
            })
            .AddPolicyScheme(SelectScheme, "Cookie or API key", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddSingleSignOn(settings.SingleSignOn);

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "governance";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the app is reached over https (behind a proxy on this host too: see UseForwardedHeaders).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // The API and the jobs dashboard answer 401/403; only pages redirect to the sign-in page.
            o.Events.OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden);
            SignInSessions.Track(o.Events);
        });
        services.AddScoped<IUserConfirmation<ApplicationUser>, AccountConfirmation>();
        services.AddScoped<Features.Audit.AuditTrail>();
        services.AddScoped<SignInAudit>();
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            // A change of roles or team reaches the person's running sign-ins within a minute.
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = SignInSessions.KeepSession;
        });
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);

        services.AddAuthorizationBuilder().AddGovernancePolicies();
        return services;
    }

    private static Task ApiStatusOrRedirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments(JobsSetup.DashboardPath))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
