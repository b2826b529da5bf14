using System.Globalization;
using System.Text.Json;
using Governance.Domain.Common;
using Governance.Web.Hosting;
using Mediator;

namespace Governance.Web.Features.PublicRegister;

/// <summary>
/// The open-data API of the public register: read-only, without sign-in, open to every origin (CORS), paged, and
/// cacheable: every answer has an ETag (the public cache answers 304 to a client that has it). Documented in the
/// OpenAPI document under the tag OpenData.
/// </summary>
public static class OpenDataEndpoints
{
    public const string CorsPolicy = "OpenData";

    public static IServiceCollection AddOpenData(this IServiceCollection services) =>
        services.AddSingleton<PublicFollowing>()
            .AddCors(o => o.AddPolicy(CorsPolicy, p => p.AllowAnyOrigin().WithMethods("GET", "HEAD").AllowAnyHeader().WithExposedHeaders("ETag")));

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/open/{gemeente}").WithTags("OpenData").AllowAnonymous().RequireCors(CorsPolicy);

        group.MapGet("/informatieobjecten", async (
                string gemeente,
                string? informatieobjecttype,
                string? status,
                string? zoek,
                string? wethouder,
                string? commissie,
                string? jaar,
                string? teLaat,
                string? gewijzigdSinds,
                string? page,
                string? pageSize,
                string? op,
                HttpContext context,
                ISender sender,
                CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                var filter = new OpenDataFilter(
                    Read(errors, nameof(informatieobjecttype), informatieobjecttype, v => Enum<OpenInformatieobjecttype>(v), "Kies motie of toezegging."),
                    Read(errors, nameof(status), status, v => Enum<OpenStatus>(v), "Kies geregistreerd, in_uitvoering, gerapporteerd, afgedaan of vervallen."),
                    string.IsNullOrWhiteSpace(zoek) ? null : zoek.Trim(),
                    Read(errors, nameof(wethouder), wethouder, v => Guid.TryParse(v, out var id) ? id : (Guid?)null, "Geef de id van een wethouder (een GUID)."),
                    string.IsNullOrWhiteSpace(commissie) ? null : commissie.Trim(),
                    Read(errors, nameof(jaar), jaar, v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1900 and <= 2200 ? y : (int?)null, "Geef een jaartal, zoals 2025."),
                    Read(errors, nameof(teLaat), teLaat, v => bool.TryParse(v, out var b) ? b : (bool?)null, "Geef true of false."),
                    Read(errors, nameof(gewijzigdSinds), gewijzigdSinds, v => DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : (DateTimeOffset?)null, "Geef een datum en tijd (ISO 8601), zoals 2025-06-30T00:00:00Z."),
                    Read(errors, nameof(page), page, v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is >= 1 and <= 1_000_000 ? p : (int?)null, "Geef een paginanummer vanaf 1.") ?? 1,
                    Read(errors, nameof(pageSize), pageSize, v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 1 and <= OpenDataHandlers.MaxPageSize ? s : (int?)null, $"Geef een paginagrootte van 1 tot en met {OpenDataHandlers.MaxPageSize}.") ?? 50,
                    Read(errors, nameof(op), op, v => PublicAsOf.Day(v, Today(context)), "Geef een dag in het verleden (jjjj-mm-dd), zoals 2025-06-30."));
                if (errors.Count > 0)
                {
                    Result<OpenDataPage<OpenInformatieobject>> invalid = new Invalid(errors);
                    return invalid.ToHttp(TypedResults.Ok);
                }

                return (await sender.Send(new ListOpenInformatieobjectenQuery(gemeente, filter, Origin(context)), ct)).ToHttp(TypedResults.Ok);
            })
            .WithName("ListOpenInformatieobjecten")
            .WithSummary("Public motions and commitments of a municipality (ODS informatieobjecten of type motie and toezegging), filtered and paged.")
            .WithDescription("Sorted by number. Filters: informatieobjecttype (motie, toezegging), status, zoek (text, ignoring accents and case), wethouder (id), commissie, jaar (of adoption), teLaat, gewijzigdSinds (ISO 8601); page from 1, pageSize up to 100; op (yyyy-MM-dd, a past day): the register as it stood then.");

        // Ids are read here, not by a route constraint: an address that is no id answers 404 like any unknown one.
        group.MapGet("/informatieobjecten/{id}", async (string gemeente, string id, string? op, HttpContext context, ISender sender, CancellationToken ct) =>
            {
                var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                var day = Read(errors, nameof(op), op, v => PublicAsOf.Day(v, Today(context)), "Geef een dag in het verleden (jjjj-mm-dd), zoals 2025-06-30.");
                if (errors.Count > 0)
                {
                    Result<OpenInformatieobject> invalid = new Invalid(errors);
                    return invalid.ToHttp(TypedResults.Ok);
                }

                var result = Guid.TryParse(id, out var key)
                    ? await sender.Send(new GetOpenInformatieobjectQuery(gemeente, key, Origin(context), day), ct)
                    : new NotFound("Informatieobject");
                return result.ToHttp(TypedResults.Ok);
            })
            .WithName("GetOpenInformatieobject")
            .WithSummary("One public motion or commitment, with its status, deadline, aldermen and sent letters.");

        group.MapGet("/vergaderingen/{id}", async (string gemeente, string id, HttpContext context, ISender sender, CancellationToken ct) =>
                (await sender.Send(new GetOpenVergaderingQuery(gemeente, id, Origin(context)), ct)).ToHttp(TypedResults.Ok))
            .WithName("GetOpenVergadering")
            .WithSummary("The meeting a public motion was adopted or a commitment made in (ODS vergadering).");

        group.MapGet("/besluiten/{id}", async (string gemeente, string id, HttpContext context, ISender sender, CancellationToken ct) =>
                (Guid.TryParse(id, out var key) ? await sender.Send(new GetOpenBesluitQuery(gemeente, key, Origin(context)), ct) : new NotFound("Besluit")).ToHttp(TypedResults.Ok))
            .WithName("GetOpenBesluit")
            .WithSummary("The decision a public motion or commitment came from (ODS besluit): adopted by the council, or made by the executive.");
        return app;
    }

    private static string Origin(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}";

    private static DateOnly Today(HttpContext context) => Domain.Planning.MunicipalTime.Today(context.RequestServices.GetRequiredService<TimeProvider>());

    /// <summary>A query parameter read by <paramref name="parse"/>; a value it cannot read is named in <paramref name="errors"/>.</summary>
    private static T? Read<T>(Dictionary<string, string[]> errors, string name, string? value, Func<string, T?> parse, string message)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var read = parse(value.Trim());
        if (read is null)
        {
            errors[name] = [message];
        }

        return read;
    }

    /// <summary>An enum by the name it travels as (snake case: in_uitvoering).</summary>
    private static T? Enum<T>(string value)
        where T : struct, Enum =>
        System.Enum.GetValues<T>().Select(v => (T?)v).FirstOrDefault(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v!.Value.ToString()) == value);
}
