using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using Governance.Domain.Auditing;
using Governance.Domain.Common;
using Governance.Domain.Indicators;
using Governance.Domain.Municipalities;
using Governance.Domain.Persistence;
using Governance.Web.Features.Audit;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Settings;

/// <summary>What every letter of the municipality starts from: the links block before the signature, the logo, and the trend wording.</summary>
public sealed record GetLetterSettingsQuery : IQuery<Result<LetterSettings>>;

public sealed record LetterSettings(string? Links, string? LogoType, TrendThresholds TrendRelative, TrendThresholds TrendPoints, int Version);

/// <summary>Changes the links block and the trend bounds; <see cref="Version"/> is the municipality's, as read.</summary>
public sealed record ChangeLetterSettingsCommand(string? Links, TrendThresholds? TrendRelative, TrendThresholds? TrendPoints, int Version)
    : ICommand<Result<LetterSettings>>;

/// <summary>Sets (a PNG or JPEG of at most 256 KB) or, with no image, removes the logo letters carry.</summary>
public sealed record ChangeLetterLogoCommand(byte[]? Image, int Version) : ICommand<Result<LetterSettings>>;

/// <summary>The logo as stored, for the settings page and the letters.</summary>
public sealed record GetLetterLogoQuery : IQuery<Result<(byte[] Image, string Type)>>;

public sealed partial class ChangeLetterSettingsValidator : AbstractValidator<ChangeLetterSettingsCommand>
{
    public ChangeLetterSettingsValidator()
    {
        RuleFor(c => c.Links).MaximumLength(Municipality.LinksMaxLength).WithMessage($"Het blok met links is hooguit {Municipality.LinksMaxLength} tekens.")
            .Must(OnlyWebLinks).WithMessage("Een link in het blok begint met https://, http:// of mailto:.");
        RuleFor(c => c.TrendRelative).NotNull().WithMessage("Vul de grenzen voor aantallen, bedragen en duur in.")
            .Must(t => t is null || t.IsOrdered).WithMessage("De grenzen lopen op: gelijk kleiner dan licht, licht kleiner dan sterk (alle tussen 0 en 1000).");
        RuleFor(c => c.TrendPoints).NotNull().WithMessage("Vul de grenzen voor percentages in.")
            .Must(t => t is null || t.IsOrdered).WithMessage("De grenzen lopen op: gelijk kleiner dan licht, licht kleiner dan sterk (alle tussen 0 en 1000).");
    }

    private static bool OnlyWebLinks(string? markdown) =>
        markdown is null || LinkTarget().Matches(markdown).All(m => m.Groups[1].Value.Trim() is var target
            && (target.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)));

    [GeneratedRegex(@"\]\(([^)\s]*)")]
    private static partial Regex LinkTarget();
}

internal static class LetterSettingsMapping
{
    public static LetterSettings Of(Municipality m) => new(m.LetterLinks, m.LetterLogoType, m.TrendRelative, m.TrendPoints, m.Version);

    public static string Describe(TrendThresholds t) =>
        string.Create(CultureInfo.GetCultureInfo("nl-NL"), $"{t.Equal} / {t.Slight} / {t.Strong}");
}

public sealed class GetLetterSettingsHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user)
    : IQueryHandler<GetLetterSettingsQuery, Result<LetterSettings>>
{
    public async ValueTask<Result<LetterSettings>> Handle(GetLetterSettingsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var m = await db.Municipalities.AsNoTracking().Where(m => m.Id == user.MunicipalityId)
            .Select(m => new LetterSettings(m.LetterLinks, m.LetterLogoType, m.TrendRelative, m.TrendPoints, m.Version))
            .SingleOrDefaultAsync(cancellationToken);
        return m is null ? new NotFound("Gemeente") : m;
    }
}

public sealed class GetLetterLogoHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user)
    : IQueryHandler<GetLetterLogoQuery, Result<(byte[] Image, string Type)>>
{
    public async ValueTask<Result<(byte[] Image, string Type)>> Handle(GetLetterLogoQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var logo = await db.Municipalities.AsNoTracking().Where(m => m.Id == user.MunicipalityId)
            .Select(m => new { m.LetterLogo, m.LetterLogoType }).SingleOrDefaultAsync(cancellationToken);
        return logo is { LetterLogo: { } image, LetterLogoType: { } type } ? (image, type) : new NotFound("Logo");
    }
}

public sealed class ChangeLetterSettingsHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, AuditTrail audit)
    : ICommandHandler<ChangeLetterSettingsCommand, Result<LetterSettings>>, ICommandHandler<ChangeLetterLogoCommand, Result<LetterSettings>>
{
    public async ValueTask<Result<LetterSettings>> Handle(ChangeLetterSettingsCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == user.MunicipalityId, cancellationToken);
        if (Refused(municipality, command.Version) is { } refused)
        {
            return refused;
        }

        var before = LetterSettingsMapping.Of(municipality!);
        municipality!.SetLetterLinks(string.IsNullOrWhiteSpace(command.Links) ? null : command.Links.Trim());
        municipality.SetTrendThresholds(command.TrendRelative!, command.TrendPoints!);
        audit.Record(db, AuditAction.SettingsChanged, municipality.Name,
            new AuditChange("Links in brieven", before.Links, municipality.LetterLinks),
            new AuditChange("Trendgrenzen (relatief)", LetterSettingsMapping.Describe(before.TrendRelative), LetterSettingsMapping.Describe(municipality.TrendRelative)),
            new AuditChange("Trendgrenzen (procentpunten)", LetterSettingsMapping.Describe(before.TrendPoints), LetterSettingsMapping.Describe(municipality.TrendPoints)));
        await db.SaveChangesAsync(cancellationToken);
        return LetterSettingsMapping.Of(municipality);
    }

    public async ValueTask<Result<LetterSettings>> Handle(ChangeLetterLogoCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == user.MunicipalityId, cancellationToken);
        if (Refused(municipality, command.Version) is { } refused)
        {
            return refused;
        }

        if (command.Image is { } image && (image.Length > Municipality.LogoMaxBytes
            || !(Domain.ReportingCycles.FileSignatures.Matches(".png", image) || Domain.ReportingCycles.FileSignatures.Matches(".jpg", image))))
        {
            return new Invalid(new Dictionary<string, string[]> { ["image"] = [$"Een logo is een PNG- of JPEG-afbeelding van hooguit {Municipality.LogoMaxBytes / 1024} kB."] });
        }

        var before = municipality!.LetterLogoType;
        municipality.SetLetterLogo(command.Image);
        audit.Record(db, AuditAction.SettingsChanged, municipality.Name,
            new AuditChange("Logo", before is null ? "geen" : "ingesteld", command.Image is null ? "geen" : $"nieuw ({command.Image.Length / 1024 + 1} kB)"));
        await db.SaveChangesAsync(cancellationToken);
        return LetterSettingsMapping.Of(municipality);
    }

    private static Error? Refused(Municipality? municipality, int version) =>
        municipality is null ? new NotFound("Gemeente")
        : municipality.Version != version ? new Conflict("Iemand anders heeft de instellingen intussen gewijzigd. Laad ze opnieuw en breng uw wijziging dan aan.")
        : null;
}
