using FluentValidation;
using Governance.Domain.Accounts;
using Governance.Domain.Common;
using Governance.Domain.Persistence;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Administration;

/// <summary>The administrator gives an account of the municipality a key for machine clients (e.g. the data warehouse).</summary>
public sealed record CreateApiKeyCommand(string UserId, string? Name) : ICommand<Result<CreatedApiKey>>;

/// <summary>The secret is shown once, here; only its hash is stored.</summary>
public sealed record CreatedApiKey(Guid Id, string Name, string Secret);

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKeyCommand>
{
    public CreateApiKeyValidator()
    {
        RuleFor(c => c.Name).NotEmpty().WithMessage("Geef de sleutel een naam, bijvoorbeeld de naam van de koppeling.")
            .MaximumLength(ApiKey.NameMaxLength).WithMessage($"De naam is hooguit {ApiKey.NameMaxLength} tekens.");
    }
}

public sealed class CreateApiKeyHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, TimeProvider time)
    : ICommandHandler<CreateApiKeyCommand, Result<CreatedApiKey>>
{
    public async ValueTask<Result<CreatedApiKey>> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owner = await db.Users.SingleOrDefaultAsync(u => u.Id == command.UserId && u.MunicipalityId == user.MunicipalityId, cancellationToken);
        if (owner is null)
        {
            return new NotFound("Account");
        }

        var (key, secret) = ApiKey.Create(owner.Id, command.Name!, time.GetUtcNow().UtcDateTime);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(key.Id.Value, key.Name, secret);
    }
}
