using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Xml.Linq;
using Microsoft.AspNetCore.Diagnostics;
using Governance.Web.Resources;
using Microsoft.Extensions.Localization;
using Mediator;

namespace Governance.Web.Features.PublicRegister;

/// <summary>What the public register offers besides its pages: the sitemap search engines read.</summary>
public static class PublicRegisterEndpoints
{
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IEndpointRouteBuilder MapPublicRegister(this IEndpointRouteBuilder app)
    {
        app.MapOpenData();
        // Open on purpose: the register is public. The address the visitor used is the base of every location.
        app.MapGet("/openbaar/{gemeente}/sitemap.xml", async (string gemeente, HttpContext context, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new ListPublicReferencesQuery(gemeente), ct);
                if (!result.Succeeded)
                {
                    return Results.NotFound();
                }

                var (municipality, references) = result.Value;
                var origin = $"{context.Request.Scheme}://{context.Request.Host}";
                var urls = new[] { municipality.Address }.Concat(references.Select(municipality.ItemAddress))
                    .Select(path => new XElement(Sitemaps + "url", new XElement(Sitemaps + "loc", origin + path)));
                var document = new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Sitemaps + "urlset", urls));
                return Results.Text(document.Declaration + "\n" + document.Root, "application/xml; charset=utf-8");
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        // Everything public at once, for a spreadsheet: CSV (semicolons and a byte order mark, as Dutch Excel reads them) and XLSX.
        foreach (var formaat in new[] { "csv", "xlsx" })
        {
            app.MapGet($"/openbaar/{{gemeente}}/moties-en-toezeggingen.{formaat}", async (string gemeente, HttpContext context, ISender sender, CancellationToken ct) =>
                {
                    var all = new Obligations.ListObligationsQuery(Sort: Obligations.ObligationSort.Reference, Descending: false, Page: 1, PageSize: int.MaxValue);
                    var result = await sender.Send(new GetPublicRegisterQuery(gemeente, all), ct);
                    if (!result.Succeeded)
                    {
                        return Results.NotFound();
                    }

                    var register = result.Value;
                    var rows = RegisterDownload.Rows(register, $"{context.Request.Scheme}://{context.Request.Host}", context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>());
                    var name = $"moties-en-toezeggingen-{register.Municipality.Slug}.{formaat}";
                    return formaat == "csv"
                        ? Results.File(RegisterDownload.Csv(rows), "text/csv; charset=utf-8", name)
                        : Results.File(RegisterDownload.Xlsx(rows, "Moties en toezeggingen"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
                })
                .AllowAnonymous()
                .ExcludeFromDescription();
        }

        // The register as a calendar to subscribe to (RFC 5545): deadlines and council dates; ?commissie= for one committee.
        app.MapGet("/openbaar/{gemeente}/kalender.ics", async (string gemeente, string? commissie, HttpContext context, ISender sender, CancellationToken ct) =>
            {
                var origin = $"{context.Request.Scheme}://{context.Request.Host}";
                var result = await sender.Send(new GetRegisterCalendarQuery(gemeente, commissie, origin), ct);
                return result.Succeeded
                    ? Results.Text(result.Value, "text/calendar; charset=utf-8", Encoding.UTF8)
                    : Results.NotFound();
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        // What changed, for feed readers (Atom): new items, status changes, sent letters; ?commissie= for one committee.
        app.MapGet("/openbaar/{gemeente}/wijzigingen.atom", async (string gemeente, string? commissie, HttpContext context, ISender sender, CancellationToken ct) =>
            {
                var origin = $"{context.Request.Scheme}://{context.Request.Host}";
                var result = await sender.Send(new GetRegisterFeedQuery(gemeente, commissie, origin), ct);
                return result.Succeeded
                    ? Results.Text(result.Value.Declaration + "\n" + result.Value.Root, "application/atom+xml; charset=utf-8", Encoding.UTF8)
                    : Results.NotFound();
            })
            .AllowAnonymous()
            .ExcludeFromDescription();

        // Leaving with one click from the mail program (RFC 8058: a POST of List-Unsubscribe=One-Click, no cookie, no form
        // token); the same address opened in a browser shows the page that asks first.
        app.MapPost("/openbaar/{gemeente}/volgen/afmelden", async (string gemeente, Guid id, string code, PublicFollowing following, CancellationToken ct) =>
                await following.LeaveAsync(gemeente, id, code, ct) ? Results.Text("U volgt dit niet meer; uw adres is verwijderd.", "text/plain; charset=utf-8") : Results.NotFound())
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        app.MapGet("/openbaar/{gemeente}/volgen/afmelden", (string gemeente, HttpContext context) =>
                Results.Redirect($"/openbaar/{Uri.EscapeDataString(gemeente)}/volgen/stoppen{context.Request.QueryString}"))
            .AllowAnonymous()
            .ExcludeFromDescription();

        // The sent letters of a public item, as the council received them; like every download, they run no script.
        app.MapGet("/openbaar/{gemeente}/{nummer}/brieven/{brief:guid}/{formaat}", async (string gemeente, string nummer, Guid brief, string formaat, HttpContext context, ISender sender, CancellationToken ct) =>
            {
                var result = await sender.Send(new GetPublicLetterQuery(gemeente, Uri.UnescapeDataString(nummer), brief, formaat), ct);
                if (!result.Succeeded)
                {
                    return Results.NotFound();
                }

                context.Response.Headers.ContentSecurityPolicy = Hosting.SecurityHeaders.DownloadPolicy;
                return Results.File(result.Value.Content, result.Value.ContentType, formaat == "pdf" ? result.Value.FileName : null);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Writes the register's not-found page for an error status under /openbaar (an unknown municipality or number, an
    /// item kept out of the register), with the way back to the register of the municipality in the address. Plain HTML
    /// written here: a Blazor page's 404 leaves its body to the status-code handler, and the request's renderer is spent.
    /// </summary>
    public static async Task NotFoundAsync(StatusCodeContext status)
    {
        var http = status.HttpContext;
        // Out here the request's culture has been unwound: take it from what localization chose for the request.
        var culture = http.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.GetCultureInfo("nl-NL");
        CultureInfo.CurrentUICulture = culture;
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var segments = http.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var register = segments is [_, var slug, _, ..] && slug.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? $"/openbaar/{slug}" : null;
        var html = HtmlEncoder.Default;
        var found = http.Response.StatusCode == StatusCodes.Status404NotFound;
        var title = html.Encode(found ? l["NotFound.Title"] : l["Public.Unavailable"]);
        var text = html.Encode(found ? l["Public.NotFound"] : l["Public.UnavailableText"]);
        var back = register is null ? "" : $"<p><a href=\"{html.Encode(register)}\">{html.Encode(l["Public.BackToRegister"])}</a></p>";
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"""
            <!DOCTYPE html>
            <html lang="{culture.TwoLetterISOLanguageName}">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{title} · Governance</title><link href="/app.css" rel="stylesheet" /><link rel="icon" type="image/svg+xml" href="/favicon.svg" /></head>
            <body><div class="public"><main id="main" class="public-main"><h1>{title}</h1><p>{text}</p>{back}</main>
            <footer class="public-footer"><p>{html.Encode(l["Public.Footer"])}</p></footer></div></body>
            </html>
            """, http.RequestAborted);
    }
}
