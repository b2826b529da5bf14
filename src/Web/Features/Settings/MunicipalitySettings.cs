using FluentValidation;
using Governance.Domain.Auditing;
using Governance.Domain.Common;
using Governance.Domain.Municipalities;
using Governance.Domain.Persistence;
using Governance.Web.Features.Audit;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Settings;

/// <summary>The municipality as Governance shows it: its name and CBS code, the address in e-mail links, the contact details letters give.</summary>
public sealed record GetMunicipalitySettingsQuery : IQuery<Result<MunicipalitySettings>>;

public sealed record MunicipalitySettings(string Name, string Code, string? PublicAddress, string? ContactPhone, string? ContactEmail, int Version, bool PublishByDefault = true);

/// <summary>
/// Changes the settings; <see cref="Version"/> is the one read, so two Beheerders do not overwrite each other.
/// <see cref="PublishByDefault"/> left out keeps what is set.
/// </summary>
public sealed record ChangeMunicipalitySettingsCommand(string? Name, string? Code, string? PublicAddress, string? ContactPhone, string? ContactEmail, int Version,
    bool? PublishByDefault = null)
    : ICommand<Result<MunicipalitySettings>>;

public sealed class ChangeMunicipalitySettingsValidator : AbstractValidator<ChangeMunicipalitySettingsCommand>
{
    public ChangeMunicipalitySettingsValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Vul de naam van de gemeente in.")
            .MaximumLength(Municipality.NameMaxLength).WithMessage($"De naam is hooguit {Municipality.NameMaxLength} tekens.");
        RuleFor(c => c.Code).Must(Municipality.IsCbsCode).WithMessage("De CBS-code is GM met vier cijfers, bijvoorbeeld GM0935.");
        RuleFor(c => c.PublicAddress).MaximumLength(Municipality.AddressMaxLength)
            .Must(a => string.IsNullOrWhiteSpace(a) || (Uri.TryCreate(a.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.AbsolutePath == "/" && uri.Query.Length == 0))
            .WithMessage("Vul het adres in zoals mensen Governance openen, zonder pad, bijvoorbeeld https://governance.maastricht.nl.");
        RuleFor(c => c.ContactPhone).MaximumLength(Municipality.ContactMaxLength).Matches(@"^[0-9 +()\-]*$").WithMessage("Een telefoonnummer bestaat uit cijfers, spaties, +, - en haakjes.");
        RuleFor(c => c.ContactEmail).MaximumLength(Municipality.ContactMaxLength).EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.ContactEmail))
            .WithMessage("Dit is geen geldig e-mailadres.");
    }
}

public sealed class GetMunicipalitySettingsHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user)
    : IQueryHandler<GetMunicipalitySettingsQuery, Result<MunicipalitySettings>>
{
    public async ValueTask<Result<MunicipalitySettings>> Handle(GetMunicipalitySettingsQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var municipality = await db.Municipalities.AsNoTracking().SingleOrDefaultAsync(m => m.Id == user.MunicipalityId, cancellationToken);
        return municipality is null ? new NotFound("Gemeente") : MunicipalitySettingsMapping.Of(municipality);
    }
}

public sealed class ChangeMunicipalitySettingsHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, AuditTrail audit)
    : ICommandHandler<ChangeMunicipalitySettingsCommand, Result<MunicipalitySettings>>
{
    public async ValueTask<Result<MunicipalitySettings>> Handle(ChangeMunicipalitySettingsCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var municipality = await db.Municipalities.SingleOrDefaultAsync(m => m.Id == user.MunicipalityId, cancellationToken);
        if (municipality is null)
        {
            return new NotFound("Gemeente");
        }

        if (municipality.Version != command.Version)
        {
            return new Conflict("Iemand anders heeft de instellingen intussen gewijzigd. Laad ze opnieuw en breng uw wijziging dan aan.");
        }

        var code = command.Code!.Trim().ToUpperInvariant();
        if (await db.Municipalities.AnyAsync(m => m.Code == code && m.Id != municipality.Id, cancellationToken))
        {
            return new Invalid(new Dictionary<string, string[]> { ["code"] = ["Een andere gemeente in deze installatie heeft deze CBS-code al."] });
        }

        var before = MunicipalitySettingsMapping.Of(municipality);
        municipality.Rename(command.Name!);
        municipality.ChangeCode(code);
        municipality.SetContact(command.PublicAddress, command.ContactPhone, command.ContactEmail);
        if (command.PublishByDefault is { } publish)
        {
            municipality.SetPublishByDefault(publish);
        }

        var changes = new[]
        {
            new AuditChange("Naam", before.Name, municipality.Name),
            new AuditChange("CBS-code", before.Code, municipality.Code),
            new AuditChange("Adres in e-mails", before.PublicAddress, municipality.PublicAddress),
            new AuditChange("Telefoon", before.ContactPhone, municipality.ContactPhone),
            new AuditChange("E-mail", before.ContactEmail, municipality.ContactEmail),
            new AuditChange("Nieuwe moties en toezeggingen openbaar", YesNo(before.PublishByDefault), YesNo(municipality.PublishByDefault)),
        };
        if (changes.Any(c => c.IsChange))
        {
            audit.Record(db, AuditAction.SettingsChanged, municipality.Name, changes);
            await db.SaveChangesAsync(cancellationToken);
        }

        return MunicipalitySettingsMapping.Of(municipality);
    }

    private static string YesNo(bool value) => value ? "ja" : "nee";
}

internal static class MunicipalitySettingsMapping
{
    public static MunicipalitySettings Of(Municipality m) => new(m.Name, m.Code, m.PublicAddress, m.ContactPhone, m.ContactEmail, m.Version, m.PublishByDefault);
}
