using FluentValidation;
using Governance.Domain.Auditing;
using Governance.Domain.Common;
using Governance.Domain.Organisation;
using Governance.Domain.Persistence;
using Governance.Domain.Planning;
using Governance.Web.Features.Audit;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Organisation;

/// <summary>The teams of the municipality with their people: members, team leads, and the indicators they keep.</summary>
public sealed record ListTeamOverviewQuery(bool IncludeRetired = true) : IQuery<IReadOnlyList<TeamOverview>>;

public sealed record TeamOverview(Guid Id, string Name, int Version, DateOnly? RetiredOn, IReadOnlyList<TeamMember> Members, int Indicators, LetterContact LetterContact);

/// <summary>Who letters on the team's figures name under "behandeld door", with a telephone number and e-mail address.</summary>
public sealed record LetterContact(string? HandledBy, string? Phone, string? Email);

/// <summary>Sets the team's letter contact (empty fields fall back on the municipality's contact details); the version is the one read.</summary>
public sealed record ChangeTeamLetterContactCommand(Guid TeamId, string? HandledBy, string? Phone, string? Email, int Version) : ICommand<Result<TeamOverview>>;

public sealed record TeamMember(string Id, string DisplayName, bool Lead, bool Active);

/// <summary>A new team, or a new name for one (with the <see cref="Version"/> read, so two renames do not overwrite each other).</summary>
public sealed record CreateTeamCommand(string? Name) : ICommand<Result<TeamOverview>>;

public sealed record RenameTeamCommand(Guid TeamId, string? Name, int Version) : ICommand<Result<TeamOverview>>;

/// <summary>A team that no longer exists gets no new members or indicators; its history stays. Only a team without active members.</summary>
public sealed record RetireTeamCommand(Guid TeamId, bool Retire) : ICommand<Result<TeamOverview>>;

public sealed class CreateTeamValidator : AbstractValidator<CreateTeamCommand>
{
    public CreateTeamValidator() => RuleFor(c => c.Name).TeamName();
}

public sealed class RenameTeamValidator : AbstractValidator<RenameTeamCommand>
{
    public RenameTeamValidator() => RuleFor(c => c.Name).TeamName();
}

public sealed class ChangeTeamLetterContactValidator : AbstractValidator<ChangeTeamLetterContactCommand>
{
    public ChangeTeamLetterContactValidator()
    {
        RuleFor(c => c.HandledBy).MaximumLength(Team.ContactMaxLength).WithMessage($"'Behandeld door' is hooguit {Team.ContactMaxLength} tekens.");
        RuleFor(c => c.Phone).MaximumLength(Team.ContactMaxLength).Matches(@"^[0-9 +()\-]*$").WithMessage("Een telefoonnummer bestaat uit cijfers, spaties, +, - en haakjes.");
        RuleFor(c => c.Email).MaximumLength(Team.ContactMaxLength).EmailAddress().When(c => !string.IsNullOrWhiteSpace(c.Email)).WithMessage("Dit is geen geldig e-mailadres.");
    }
}

internal static class TeamRules
{
    public static IRuleBuilderOptions<T, string?> TeamName<T>(this IRuleBuilder<T, string?> rule) => rule
        .NotEmpty().WithMessage("Vul de naam van het team in.")
        .MaximumLength(Team.NameMaxLength).WithMessage($"De naam is hooguit {Team.NameMaxLength} tekens.");

    public static async Task<TeamOverview> LineAsync(GovernanceDbContext db, Team team, CancellationToken cancellationToken) =>
        (await LinesAsync(db, [team], cancellationToken))[0];

    public static async Task<IReadOnlyList<TeamOverview>> LinesAsync(GovernanceDbContext db, IReadOnlyList<Team> teams, CancellationToken cancellationToken)
    {
        var ids = teams.Select(t => (TeamId?)t.Id).ToList();
        var members = await (from u in db.Users
                             where ids.Contains(u.TeamId)
                             select new
                             {
                                 u.Id,
                                 u.TeamId,
                                 u.DisplayName,
                                 Active = u.DeactivatedAtUtc == null,
                                 Lead = db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Domain.Accounts.Roles.Teamleider)),
                             }).ToListAsync(cancellationToken);
        // An indicator belongs to the team of its newest definition.
        var definitions = await db.IndicatorDefinitions.Select(d => new { d.IndicatorId, d.VersionNumber, d.ResponsibleTeamId }).ToListAsync(cancellationToken);
        var indicators = definitions.GroupBy(d => d.IndicatorId).Select(g => g.MaxBy(d => d.VersionNumber)!.ResponsibleTeamId)
            .GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        return [.. teams.Select(t => new TeamOverview(
            t.Id.Value,
            t.Name,
            t.Version,
            t.RetiredOn,
            [.. members.Where(m => m.TeamId == t.Id).OrderByDescending(m => m.Lead).ThenBy(m => m.DisplayName).Select(m => new TeamMember(m.Id, m.DisplayName, m.Lead, m.Active))],
            indicators.GetValueOrDefault(t.Id),
            new LetterContact(t.LetterHandledBy, t.LetterPhone, t.LetterEmail)))];
    }

    public static async Task<Dictionary<string, string[]>?> NameTakenAsync(GovernanceDbContext db, string name, TeamId? except, CancellationToken cancellationToken) =>
        await db.Teams.AnyAsync(t => t.Name == name && t.Id != except, cancellationToken)
            ? new() { ["name"] = ["Er is al een team met deze naam."] }
            : null;
}

public sealed class ListTeamOverviewHandler(IDbContextFactory<GovernanceDbContext> dbFactory) : IQueryHandler<ListTeamOverviewQuery, IReadOnlyList<TeamOverview>>
{
    public async ValueTask<IReadOnlyList<TeamOverview>> Handle(ListTeamOverviewQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = await db.Teams.AsNoTracking().Where(t => query.IncludeRetired || t.RetiredOn == null).OrderBy(t => t.Name).ToListAsync(cancellationToken);
        return await TeamRules.LinesAsync(db, teams, cancellationToken);
    }
}

public sealed class CreateTeamHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, AuditTrail audit)
    : ICommandHandler<CreateTeamCommand, Result<TeamOverview>>
{
    public async ValueTask<Result<TeamOverview>> Handle(CreateTeamCommand command, CancellationToken cancellationToken)
    {
        if (user.MunicipalityId is not { } municipality)
        {
            return new Forbidden("Alleen iemand van een gemeente maakt teams.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = command.Name!.Trim();
        if (await TeamRules.NameTakenAsync(db, name, null, cancellationToken) is { } taken)
        {
            return new Invalid(taken);
        }

        var team = new Team(municipality, name);
        db.Teams.Add(team);
        audit.Record(db, AuditAction.TeamCreated, name);
        await db.SaveChangesAsync(cancellationToken);
        return await TeamRules.LineAsync(db, team, cancellationToken);
    }
}

public sealed class RenameTeamHandler(IDbContextFactory<GovernanceDbContext> dbFactory, AuditTrail audit)
    : ICommandHandler<RenameTeamCommand, Result<TeamOverview>>
{
    public async ValueTask<Result<TeamOverview>> Handle(RenameTeamCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == new TeamId(command.TeamId), cancellationToken);
        if (team is null)
        {
            return new NotFound("Team");
        }

        if (team.Version != command.Version)
        {
            return new Conflict("Iemand anders heeft dit team intussen gewijzigd. Laad het opnieuw.");
        }

        var name = command.Name!.Trim();
        if (await TeamRules.NameTakenAsync(db, name, team.Id, cancellationToken) is { } taken)
        {
            return new Invalid(taken);
        }

        var change = new AuditChange("Naam", team.Name, name);
        team.Rename(name);
        audit.Record(db, AuditAction.TeamChanged, name, change);
        await db.SaveChangesAsync(cancellationToken);
        return await TeamRules.LineAsync(db, team, cancellationToken);
    }
}

public sealed class RetireTeamHandler(IDbContextFactory<GovernanceDbContext> dbFactory, AuditTrail audit, TimeProvider time)
    : ICommandHandler<RetireTeamCommand, Result<TeamOverview>>
{
    public async ValueTask<Result<TeamOverview>> Handle(RetireTeamCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == new TeamId(command.TeamId), cancellationToken);
        if (team is null)
        {
            return new NotFound("Team");
        }

        if (command.Retire && !team.IsRetired)
        {
            var members = await db.Users.CountAsync(u => u.TeamId == team.Id && u.DeactivatedAtUtc == null, cancellationToken);
            if (members > 0)
            {
                return new TeamHasMembers(members);
            }

            team.Retire(MunicipalTime.Today(time));
            audit.Record(db, AuditAction.TeamRetired, team.Name);
        }
        else if (!command.Retire && team.IsRetired)
        {
            team.Reinstate();
            audit.Record(db, AuditAction.TeamChanged, team.Name, new AuditChange("Status", "opgeheven", "in gebruik"));
        }

        await db.SaveChangesAsync(cancellationToken);
        return await TeamRules.LineAsync(db, team, cancellationToken);
    }
}

public sealed class ChangeTeamLetterContactHandler(IDbContextFactory<GovernanceDbContext> dbFactory, AuditTrail audit)
    : ICommandHandler<ChangeTeamLetterContactCommand, Result<TeamOverview>>
{
    public async ValueTask<Result<TeamOverview>> Handle(ChangeTeamLetterContactCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == new TeamId(command.TeamId), cancellationToken);
        if (team is null)
        {
            return new NotFound("Team");
        }

        if (team.Version != command.Version)
        {
            return new Conflict("Iemand anders heeft dit team intussen gewijzigd. Laad het opnieuw.");
        }

        static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var changes = new[]
        {
            new AuditChange("Behandeld door", team.LetterHandledBy, Clean(command.HandledBy)),
            new AuditChange("Telefoon in brieven", team.LetterPhone, Clean(command.Phone)),
            new AuditChange("E-mail in brieven", team.LetterEmail, Clean(command.Email)),
        };
        team.SetLetterContact(Clean(command.HandledBy), Clean(command.Phone), Clean(command.Email));
        audit.Record(db, AuditAction.TeamChanged, team.Name, changes);
        await db.SaveChangesAsync(cancellationToken);
        return await TeamRules.LineAsync(db, team, cancellationToken);
    }
}
