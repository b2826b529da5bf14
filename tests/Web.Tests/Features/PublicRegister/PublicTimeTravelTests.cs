using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Governance.Domain.Accounts;
using Governance.Domain.Obligations;
using Governance.Domain.Planning;
using Governance.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Tests.Features.PublicRegister;

/// <summary>
/// The register "as of a date" over a scripted history: a commitment registered in January 2025, its deadline extended
/// in March, lapsed in September. Each past day shows the status and deadline of that day, in the pages and in the open
/// data; a day before it was registered does not show it; the item page draws its status over time.
/// </summary>
public sealed class PublicTimeTravelTests(GovernanceAppFactory app) : IClassFixture<GovernanceAppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Each_past_day_shows_the_status_and_deadline_of_that_day_in_the_pages_and_the_open_data()
    {
        var (id, original, extended) = await ScriptHistoryAsync();
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var nl = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");

        // Before it was registered: not in the register, and its page is not found that day.
        Assert.DoesNotContain("T-2025-118", await client.GetStringAsync("/openbaar/maastricht?op=2024-12-31&soort=Commitment"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/openbaar/maastricht/T-2025-118?op=2024-12-31")).StatusCode);

        // February: registered, the first deadline.
        var february = await client.GetStringAsync("/openbaar/maastricht/T-2025-118?op=2025-02-15");
        Assert.Contains("Zo stond deze motie of toezegging op 15 februari 2025 in het register.", february);
        Assert.Contains(original.ToString("d MMMM yyyy", nl), february);
        Assert.DoesNotContain("Vervallen", StatusOf(february));

        // June: the extended deadline, still open.
        var june = await client.GetStringAsync("/openbaar/maastricht/T-2025-118?op=2025-06-30");
        Assert.Contains(extended.ToString("d MMMM yyyy", nl), june);
        Assert.DoesNotContain("Vervallen", StatusOf(june));
        Assert.DoesNotContain("Vervallen", Between(june, "data-testid=\"public-statusline\"", "</ol>"));

        // October and today: lapsed, and the status line ends there.
        var october = await client.GetStringAsync("/openbaar/maastricht/T-2025-118?op=2025-10-01");
        Assert.Contains("Vervallen", StatusOf(october));
        var today = await client.GetStringAsync("/openbaar/maastricht/T-2025-118");
        Assert.Contains("Vervallen", StatusOf(today));
        Assert.Contains("Vervallen", Between(today, "data-testid=\"public-statusline\"", "</ol>"));

        // The register's status filter answers for the day asked.
        Assert.DoesNotContain("T-2025-118", await client.GetStringAsync("/openbaar/maastricht?op=2025-06-30&status=Lapsed"));
        Assert.Contains("T-2025-118", await client.GetStringAsync("/openbaar/maastricht?op=2025-10-01&status=Lapsed"));
        Assert.Contains("?op=2025-06-30", await client.GetStringAsync("/openbaar/maastricht?op=2025-06-30&soort=Commitment"));

        // The open data, the same.
        var juneData = await client.GetFromJsonAsync<JsonElement>($"/api/open/maastricht/informatieobjecten/{id:N}?op=2025-06-30", Json);
        Assert.NotEqual("vervallen", juneData.GetProperty("toezegging").GetProperty("status").GetString());
        Assert.Equal(extended.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), juneData.GetProperty("toezegging").GetProperty("datumNakoming").GetString());
        var lapsedThen = await client.GetFromJsonAsync<JsonElement>("/api/open/maastricht/informatieobjecten?op=2025-10-01&status=vervallen&informatieobjecttype=toezegging", Json);
        Assert.Contains(lapsedThen.GetProperty("results").EnumerateArray(), i => i.GetProperty("toezegging").GetProperty("nummer").GetString() == "T-2025-118");
        var openThen = await client.GetFromJsonAsync<JsonElement>("/api/open/maastricht/informatieobjecten?op=2025-06-30&status=vervallen", Json);
        Assert.DoesNotContain(openThen.GetProperty("results").EnumerateArray(), i => i.GetProperty("toezegging").GetProperty("nummer").GetString() == "T-2025-118");
        using var future = await client.GetAsync("/api/open/maastricht/informatieobjecten?op=2999-01-01");
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);

        // Taken out of the register now: out of every past view too.
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        var version = (await griffie.GetFromJsonAsync<JsonElement>($"/api/obligations/{id}", Json)).GetProperty("version").GetInt32();
        using var hidden = await griffie.PutAsJsonAsync($"/api/obligations/{id}/visibility", new { isPublic = false, version }, Json);
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/openbaar/maastricht/T-2025-118?op=2025-06-30")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/open/maastricht/informatieobjecten/{id:N}?op=2025-06-30")).StatusCode);
    }

    /// <summary>
    /// T-2025-118 registered on 10 January 2025; its deadline extended on 1 March, lapsed on 1 September: the steps taken
    /// through the API, then their history lines dated back (the clock of a test is today's).
    /// </summary>
    private async Task<(Guid Id, DateOnly Original, DateOnly Extended)> ScriptHistoryAsync()
    {
        using var griffie = await app.SignedInClientAsync(Emails.For(Roles.Griffie));
        Guid id;
        DateOnly original;
        await using (var db = app.Database())
        {
            var item = await db.Obligations.AsNoTracking().SingleAsync(o => o.Reference == "T-2025-118");
            id = item.Id.Value;
            original = (item.Cadence == Cadence.Once ? item.DueDate : item.EndDate)!.Value;
        }

        var extended = original.AddMonths(6);
        var version = (await griffie.GetFromJsonAsync<JsonElement>($"/api/obligations/{id}", Json)).GetProperty("version").GetInt32();
        using (var response = await griffie.PostAsJsonAsync($"/api/obligations/{id}/deadline-extensions",
                   new { newDate = extended.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), reason = "Meer tijd nodig", decidedBy = "Gemeenteraad", version }, Json))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        version = (await griffie.GetFromJsonAsync<JsonElement>($"/api/obligations/{id}", Json)).GetProperty("version").GetInt32();
        using (var response = await griffie.PostAsJsonAsync($"/api/obligations/{id}/steps", new { step = "Lapse", reason = "Niet meer nodig.", version }, Json))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await using (var db = app.Database())
        {
            var item = await db.Obligations.SingleAsync(o => o.Id == new ObligationId(id));
            db.Entry(item).Property(o => o.RegisteredOn).CurrentValue = new DateOnly(2025, 1, 10);
            foreach (var entry in db.ChangeTracker.Entries<ObligationHistoryEntry>())
            {
                var when = entry.Entity.What switch
                {
                    "deadline_extended" => new DateOnly(2025, 3, 1),
                    "status" when entry.Entity.To == ObligationStatus.Lapsed => new DateOnly(2025, 9, 1),
                    _ => new DateOnly(2025, 1, 10),
                };
                entry.Property(h => h.AtUtc).CurrentValue = MunicipalTime.ToUtc(when, new TimeOnly(10, 0));
            }

            await db.SaveChangesAsync();
        }

        // The history was rewritten behind the app's back: a change the app makes itself empties the public cache.
        version = (await griffie.GetFromJsonAsync<JsonElement>($"/api/obligations/{id}", Json)).GetProperty("version").GetInt32();
        using (var hide = await griffie.PutAsJsonAsync($"/api/obligations/{id}/visibility", new { isPublic = false, version }, Json))
        {
            Assert.Equal(HttpStatusCode.OK, hide.StatusCode);
        }

        await using (var db = app.Database())
        {
            // …and the two visibility lines it wrote are dated before the registration, so they do not hide it in the past.
            var item = await db.Obligations.SingleAsync(o => o.Id == new ObligationId(id));
            item.Publish(true, MunicipalTime.ToUtc(new DateOnly(2025, 1, 9), new TimeOnly(9, 0)), "Test");
            foreach (var entry in db.ChangeTracker.Entries<ObligationHistoryEntry>().Where(e => e.Entity.What == Obligation.VisibilityChanged))
            {
                entry.Property(h => h.AtUtc).CurrentValue = MunicipalTime.ToUtc(new DateOnly(2025, 1, 9), new TimeOnly(9, 0));
            }

            await db.SaveChangesAsync();
        }

        return (id, original, extended);
    }

    private static string StatusOf(string html) => Between(html, "data-testid=\"public-status\"", "</dd>");

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"{start} not found");
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }
}
