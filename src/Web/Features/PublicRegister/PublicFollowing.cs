using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using Governance.Domain.Common;
using Governance.Domain.Letters.Events;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Obligations.Events;
using Governance.Domain.PublicRegister;
using Governance.Web.Features.Obligations;
using Governance.Web.Hosting;
using Governance.Workflows.Notifications;
using Hangfire;
using Mediator;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.PublicRegister;

/// <summary>What a resident follows: one public item, or every public item of a committee.</summary>
public sealed record FollowTopic(PublicMunicipality Municipality, Guid? ObligationId, string? Reference, string? Title, string? Committee)
{
    /// <summary>"M-2021-047 Halveren aantal kinderen in armoede 2030", or "de commissie Gemeenteraad".</summary>
    public string Name => Reference is not null ? $"{Reference} {Title}" : $"de commissie {Committee}";

    public string Address => Reference is not null ? Municipality.ItemAddress(Reference) : $"{Municipality.Address}?commissie={Uri.EscapeDataString(Committee!)}";
}

/// <summary>
/// Following the public register by e-mail, with double opt-in: asking stores the address unconfirmed and mails a link
/// to confirm; only a confirmed address hears of changes; leaving (a link in every e-mail, or one click in the mail
/// program) removes it. An address never confirmed is removed after seven days. The answer to asking is the same
/// whether the address already follows or not, so the page tells nobody who follows what.
/// </summary>
internal sealed class PublicFollowing(DbContextOptionsCache contexts, TimeProvider time, IBackgroundJobClient jobs, IDataProtectionProvider protection)
{
    /// <summary>At most this many unconfirmed requests per address and day: the form cannot be used to flood someone's mailbox.</summary>
    public const int UnconfirmedPerDay = 5;

    private const string ConfirmPurpose = "Governance.PublicRegister.Follow.Confirm";
    private const string LeavePurpose = "Governance.PublicRegister.Follow.Leave";

    /// <summary>The item (by number) or committee of a municipality's public register; none when it is not there or not public.</summary>
    public async Task<FollowTopic?> TopicAsync(string slug, string? number, string? committee, CancellationToken cancellationToken)
    {
        if (await PublicMunicipalities.FindAsync(contexts, slug, cancellationToken) is not { } municipality)
        {
            return null;
        }

        await using var db = Db(municipality);
        if (!string.IsNullOrWhiteSpace(number))
        {
            var reference = number.Trim();
            var item = await db.Obligations.AsNoTracking().Where(o => o.Reference == reference && o.IsPublic).Select(o => new { o.Id, o.Reference, o.Title }).SingleOrDefaultAsync(cancellationToken);
            return item is null ? null : new FollowTopic(municipality, item.Id.Value, item.Reference, item.Title, null);
        }

        if (!string.IsNullOrWhiteSpace(committee))
        {
            var name = committee.Trim();
            var body = await db.Obligations.AsNoTracking().Where(o => o.IsPublic && o.Meeting.Body == name).Select(o => o.Meeting.Body).FirstOrDefaultAsync(cancellationToken);
            return body is null ? null : new FollowTopic(municipality, null, null, null, body);
        }

        return null;
    }

    /// <summary>The municipality a public address names, for the pages of following (its name is in every title).</summary>
    public Task<PublicMunicipality?> MunicipalityAsync(string slug, CancellationToken cancellationToken) => PublicMunicipalities.FindAsync(contexts, slug, cancellationToken);

    /// <summary>A valid e-mail address, trimmed; none when it is not one.</summary>
    public static string? Address(string? email)
    {
        var trimmed = email?.Trim();
        return trimmed is { Length: > 0 and <= PublicSubscription.EmailMaxLength } && MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed
            && trimmed.Contains('.', StringComparison.Ordinal) ? trimmed : null;
    }

    /// <summary>Asks to follow <paramref name="topic"/>: an unconfirmed subscription and the e-mail to confirm it (queued).</summary>
    public async Task AskAsync(FollowTopic topic, string email, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var address = email.Trim().ToLowerInvariant();
        await using var db = Db(topic.Municipality);
        // Addresses never confirmed are kept no longer than the link works.
        var expired = now - PublicSubscription.ConfirmWithin;
        await db.PublicSubscriptions.Where(s => s.ConfirmedAtUtc == null && s.CreatedAtUtc < expired).ExecuteDeleteAsync(cancellationToken);

        var obligationId = topic.ObligationId is { } id ? new ObligationId(id) : (ObligationId?)null;
        var existing = await db.PublicSubscriptions.SingleOrDefaultAsync(
            s => s.Email == address && (obligationId != null ? s.ObligationId == obligationId : s.Committee == topic.Committee), cancellationToken);
        if (existing is { IsConfirmed: true })
        {
            return;
        }

        var dayAgo = now.AddDays(-1);
        if (await db.PublicSubscriptions.CountAsync(s => s.Email == address && s.ConfirmedAtUtc == null && s.CreatedAtUtc > dayAgo, cancellationToken) >= UnconfirmedPerDay)
        {
            return;
        }

        var subscription = existing ?? PublicSubscription.Ask(new MunicipalityId(topic.Municipality.Id), address, obligationId, topic.Committee, now);
        if (existing is null)
        {
            db.PublicSubscriptions.Add(subscription);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Asked twice at once: the other request stored it and mails the link.
                return;
            }
        }

        jobs.Enqueue<PublicFollowingMail>(m => m.SendConfirmationAsync(subscription.Id.Value, CancellationToken.None));
    }

    /// <summary>Confirms the subscription the link names; its topic, or none when the link is wrong or too old.</summary>
    public async Task<FollowTopic?> ConfirmAsync(string slug, Guid id, string? code, CancellationToken cancellationToken)
    {
        if (!Holds(ConfirmPurpose, id, code) || await PublicMunicipalities.FindAsync(contexts, slug, cancellationToken) is not { } municipality)
        {
            return null;
        }

        await using var db = Db(municipality);
        var subscriptionId = new PublicSubscriptionId(id);
        var subscription = await db.PublicSubscriptions.SingleOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        if (subscription is null || !subscription.Confirm(time.GetUtcNow().UtcDateTime))
        {
            return null;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await TopicOfAsync(db, municipality, subscription, cancellationToken);
    }

    /// <summary>What the leave link names: its topic, to ask "stop following this?"; none when the link is wrong or already used.</summary>
    public async Task<FollowTopic?> FollowedAsync(string slug, Guid id, string? code, CancellationToken cancellationToken)
    {
        if (!Holds(LeavePurpose, id, code) || await PublicMunicipalities.FindAsync(contexts, slug, cancellationToken) is not { } municipality)
        {
            return null;
        }

        await using var db = Db(municipality);
        var subscriptionId = new PublicSubscriptionId(id);
        var subscription = await db.PublicSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subscriptionId, cancellationToken);
        return subscription is null ? null : await TopicOfAsync(db, municipality, subscription, cancellationToken);
    }

    /// <summary>Leaves: the subscription and its address are removed. False when the link is wrong; leaving twice is fine.</summary>
    public async Task<bool> LeaveAsync(string slug, Guid id, string? code, CancellationToken cancellationToken)
    {
        if (!Holds(LeavePurpose, id, code) || await PublicMunicipalities.FindAsync(contexts, slug, cancellationToken) is not { } municipality)
        {
            return false;
        }

        await using var db = Db(municipality);
        var subscriptionId = new PublicSubscriptionId(id);
        await db.PublicSubscriptions.Where(s => s.Id == subscriptionId).ExecuteDeleteAsync(cancellationToken);
        return true;
    }

    /// <summary>The code in a confirm or leave link: the subscription's id, signed for that purpose by the app's key ring.</summary>
    internal string Code(bool confirm, Guid id) => protection.CreateProtector(confirm ? ConfirmPurpose : LeavePurpose).Protect(id.ToString("N", CultureInfo.InvariantCulture));

    internal static string ConfirmPath(string slug, Guid id, string code) => $"/openbaar/{slug}/volgen/bevestigen?id={id:N}&code={Uri.EscapeDataString(code)}";

    /// <summary>The leave link: one click in the mail program posts to it (RFC 8058); opened in a browser it shows the page to leave.</summary>
    internal static string LeavePath(string slug, Guid id, string code) => $"/openbaar/{slug}/volgen/afmelden?id={id:N}&code={Uri.EscapeDataString(code)}";

    private bool Holds(string purpose, Guid id, string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return false;
        }

        try
        {
            return protection.CreateProtector(purpose).Unprotect(code) == id.ToString("N", CultureInfo.InvariantCulture);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static async Task<FollowTopic?> TopicOfAsync(Domain.Persistence.GovernanceDbContext db, PublicMunicipality municipality, PublicSubscription subscription, CancellationToken cancellationToken)
    {
        if (subscription.ObligationId is not { } obligationId)
        {
            return new FollowTopic(municipality, null, null, null, subscription.Committee);
        }

        var item = await db.Obligations.AsNoTracking().Where(o => o.Id == obligationId).Select(o => new { o.Reference, o.Title }).SingleOrDefaultAsync(cancellationToken);
        return item is null ? null : new FollowTopic(municipality, obligationId.Value, item.Reference, item.Title, null);
    }

    private Domain.Persistence.GovernanceDbContext Db(PublicMunicipality municipality) => contexts.Create(FixedMunicipalityContext.For(new MunicipalityId(municipality.Id)), null);
}

/// <summary>The e-mails of following: the link to confirm, and each change of a followed item to its confirmed followers.</summary>
internal sealed class PublicFollowingMail(DbContextOptionsCache contexts, IMailer mailer, PublicFollowing following)
{
    public async Task SendConfirmationAsync(Guid subscriptionId, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create(FixedMunicipalityContext.System, null);
        var id = new PublicSubscriptionId(subscriptionId);
        var subscription = await db.PublicSubscriptions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null || subscription.IsConfirmed)
        {
            return;
        }

        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == subscription.MunicipalityId, cancellationToken);
        var slug = RegisterSlug.Of(municipality.Name);
        var what = subscription.ObligationId is { } obligationId
            ? await db.Obligations.AsNoTracking().Where(o => o.Id == obligationId).Select(o => o.Reference + " " + o.Title).SingleOrDefaultAsync(cancellationToken)
            : $"de commissie {subscription.Committee}";
        var until = Domain.Planning.MunicipalTime.ToLocal(subscription.CreatedAtUtc + PublicSubscription.ConfirmWithin).ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"));
        await mailer.SendAsync(new OutgoingMail(
            subscription.Email,
            "",
            $"Bevestig dat u {what} wilt volgen",
            $"U vroeg om per e-mail te horen wanneer er iets verandert aan {what} in het register van moties en toezeggingen van de gemeente {municipality.Name}. " +
            $"Bevestig dit met de link hieronder; hij werkt tot en met {until}. Heeft u dit niet gevraagd? Dan hoeft u niets te doen: zonder bevestiging " +
            "sturen we u niets en vergeten we uw adres.",
            PublicFollowing.ConfirmPath(slug, subscriptionId, following.Code(confirm: true, subscriptionId)),
            "Bevestigen",
            municipality.PublicAddress), cancellationToken);
    }

    /// <summary>One e-mail to each confirmed follower of the item or its committee (an address that follows both gets one).</summary>
    public async Task SendUpdateAsync(Guid obligationId, string subject, string body, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create(FixedMunicipalityContext.System, null);
        var id = new ObligationId(obligationId);
        var item = await db.Obligations.AsNoTracking().Where(o => o.Id == id && o.IsPublic)
            .Select(o => new { o.MunicipalityId, o.Reference, Committee = o.Meeting.Body }).SingleOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return;
        }

        var municipality = await db.Municipalities.AsNoTracking().SingleAsync(m => m.Id == item.MunicipalityId, cancellationToken);
        var slug = RegisterSlug.Of(municipality.Name);
        var followers = (await db.PublicSubscriptions.AsNoTracking()
                .Where(s => s.MunicipalityId == item.MunicipalityId && s.ConfirmedAtUtc != null && (s.ObligationId == id || s.Committee == item.Committee))
                .Select(s => new { s.Id, s.Email, Item = s.ObligationId != null }).ToListAsync(cancellationToken))
            .GroupBy(s => s.Email).Select(g => g.OrderByDescending(s => s.Item).First());
        foreach (var follower in followers)
        {
            await mailer.SendAsync(new OutgoingMail(
                follower.Email,
                "",
                subject,
                body + (follower.Item ? " U ontvangt dit omdat u deze motie of toezegging volgt." : $" U ontvangt dit omdat u de commissie {item.Committee} volgt."),
                $"/openbaar/{slug}/{Uri.EscapeDataString(item.Reference)}",
                "Bekijk het in het register",
                municipality.PublicAddress,
                PublicFollowing.LeavePath(slug, follower.Id.Value, following.Code(confirm: false, follower.Id.Value))), cancellationToken);
        }
    }
}

/// <summary>Queues the e-mail to the public followers of an item when its status changes or a letter about it is sent.</summary>
internal sealed class NotifyPublicFollowers(DbContextOptionsCache contexts, IBackgroundJobClient jobs)
    : INotificationHandler<ObligationStatusChanged>, INotificationHandler<LetterSent>
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public async ValueTask Handle(ObligationStatusChanged notification, CancellationToken cancellationToken)
    {
        // One query: the item, and whether anyone follows it (most items nobody does, and then nothing more is read).
        await using var db = contexts.Create(FixedMunicipalityContext.System, null);
        var item = await db.Obligations.AsNoTracking().Where(o => o.Id == notification.ObligationId && o.IsPublic)
            .Select(o => new
            {
                o.Reference,
                o.Title,
                Followed = db.PublicSubscriptions.Any(s => s.MunicipalityId == o.MunicipalityId && s.ConfirmedAtUtc != null && (s.ObligationId == o.Id || s.Committee == o.Meeting.Body)),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (item is not { Followed: true })
        {
            return;
        }

        var from = ObligationStatusText.Dutch(notification.From).ToLowerInvariant();
        var to = ObligationStatusText.Dutch(notification.To).ToLowerInvariant();
        Queue(notification.ObligationId, $"{item.Reference} {item.Title}: {to}",
            $"De status van '{item.Title}' ({item.Reference}) is gewijzigd van '{from}' naar '{to}'.");
    }

    public async ValueTask Handle(LetterSent notification, CancellationToken cancellationToken)
    {
        await using var db = contexts.Create(FixedMunicipalityContext.System, null);
        var item = await (from l in db.CouncilLetters
                          join c in db.ReportingCycles on l.CycleId equals c.Id
                          join o in db.Obligations on c.ObligationId equals o.Id
                          where l.Id == notification.LetterId && o.IsPublic
                          select new
                          {
                              o.Id,
                              o.Reference,
                              o.Title,
                              c.Period,
                              Followed = db.PublicSubscriptions.Any(s => s.MunicipalityId == o.MunicipalityId && s.ConfirmedAtUtc != null && (s.ObligationId == o.Id || s.Committee == o.Meeting.Body)),
                          }).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (item is not { Followed: true })
        {
            return;
        }

        Queue(item.Id, $"{item.Reference} {item.Title}: raadsinformatiebrief verzonden",
            $"Over '{item.Title}' ({item.Reference}) is op {notification.SentOn.ToString("d MMMM yyyy", Dutch)} een raadsinformatiebrief aan de raad verzonden " +
            $"(onze referentie {notification.Reference}), over {item.Period.Display(Dutch)}. De brief staat bij de motie of toezegging in het register.");
    }

    private void Queue(ObligationId id, string subject, string body) =>
        jobs.Enqueue<PublicFollowingMail>(m => m.SendUpdateAsync(id.Value, subject, body, CancellationToken.None));
}
