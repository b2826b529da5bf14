using System.Globalization;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using Governance.Web.Hosting.Seeding;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;

namespace Governance.Web.Hosting;

internal static class WebSetup
{
    public static readonly CultureInfo[] Cultures = [new("nl-NL"), new("en-GB")];

    public static IServiceCollection AddWebUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddScoped<CircuitHandler, UserCircuitHandler>();
        services.AddMudServices(options =>
        {
            // Messages stay long enough to read (WCAG 2.2.1) and appear without a long fade.
            options.SnackbarConfiguration.VisibleStateDuration = 8_000;
            options.SnackbarConfiguration.ShowTransitionDuration = 150;
            options.SnackbarConfiguration.HideTransitionDuration = 150;
        });
        services.AddLocalization();
        // Validators hold only their rules, built in the constructor: built once, not on every request.
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddValidatorsFromAssemblyContaining<Governance.Workflows.WorkflowDiagram>(ServiceLifetime.Singleton, includeInternalTypes: true);
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("nl-NL");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return services;
    }

    public static IServiceCollection AddHttpApi(this IServiceCollection services)
    {
        Features.PublicRegister.OpenDataEndpoints.AddOpenData(services);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context => DutchTitles.Apply(context.ProblemDetails));
        services.AddExceptionHandler<BadRequestProblemHandler>();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new ReportingPeriodJsonConverter());
            o.SerializerOptions.TypeInfoResolver = (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(RequiredValues.Require);
        });
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<ApiResponses>();
            // A reporting period travels as its code (ReportingPeriodJsonConverter): say so, or a nullable one matches both sides of its oneOf.
            o.AddSchemaTransformer((schema, context, _) =>
            {
                if (context.JsonTypeInfo.Type == typeof(Domain.ReportingCycles.ReportingPeriod))
                {
                    schema.Type = Microsoft.OpenApi.JsonSchemaType.String;
                    schema.Pattern = @"^\d{4}(-Q[1-4]|-H[12]|-\d{2}-\d{2})?$";
                    schema.Properties?.Clear();
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public static WebApplication UseGovernancePipeline(this WebApplication app)
    {
        // A reverse proxy on this host (loopback only, the default) may say the browser came over https.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        // A person in the browser gets a page in Dutch, never raw JSON; the API answers in problem details first (the
        // inner handlers write them, so the pages are not tried).
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/status/{0}");
        // The public register answers its own not-found, in its own frame, without sign-in (a Blazor page's 404 leaves the
        // body to whoever handles status codes; this handler writes it before the app's status page would be tried).
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/openbaar"), register => register.UseStatusCodePages(Features.PublicRegister.PublicRegisterEndpoints.NotFoundAsync));
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseStartupGate();
        app.UseRequestLocalization();
        // The open-data API is open to every origin; the public side's anonymous answers are kept until public data changes.
        app.UseCors();
        app.UseWhen(Features.PublicRegister.PublicResponseCache.Applies, register => register.UseMiddleware<Features.PublicRegister.PublicResponseCache>());
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseTwoFactorGate();
        app.UseQueryHygiene();
        app.UseAntiforgery();
        return app;
    }
}
