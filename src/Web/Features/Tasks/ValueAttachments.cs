using Governance.Domain.Common;
using Governance.Domain.Municipalities;
using Governance.Domain.Persistence;
using Governance.Domain.ReportingCycles;
using Governance.Web.Hosting;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Governance.Web.Features.Tasks;

/// <summary>A file beside an indicator value, as the entry form lists it (without its content).</summary>
public sealed record AttachmentInfo(Guid Id, string FileName, string ContentType, long Size, string UploadedBy, DateTime UploadedAtUtc);

/// <summary>Adds a file (source table, export, memo) to a task of the person's own team while its value can still be entered.</summary>
public sealed record AddValueAttachmentCommand(Guid TaskId, string? FileName, byte[] Content) : ICommand<Result<AttachmentInfo>>;

/// <summary>Removes a file from a task of the person's own team while its value can still be entered.</summary>
public sealed record RemoveValueAttachmentCommand(Guid TaskId, Guid AttachmentId) : ICommand<Result>;

/// <summary>One file of a task of the person's own team, with its content.</summary>
public sealed record GetValueAttachmentQuery(Guid TaskId, Guid AttachmentId) : IQuery<Result<AttachmentFile>>;

public sealed record AttachmentFile(string FileName, string ContentType, byte[] Content);

/// <summary>The rules the three share: the task exists in the person's municipality, belongs to their team, and (to change its files) is open for entry.</summary>
internal static class AttachmentAccess
{
    public static async Task<Result<(IndicatorTask Task, MunicipalityId MunicipalityId)>> TaskAsync(GovernanceDbContext db, CurrentUser user, Guid taskId, bool toChange, CancellationToken cancellationToken)
    {
        var id = new IndicatorTaskId(taskId);
        var found = await (from t in db.IndicatorTasks
                           join c in db.ReportingCycles on t.CycleId equals c.Id
                           where t.Id == id
                           select new { Task = t, CycleStatus = c.Status, c.MunicipalityId }).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return new NotFound("Indicator task");
        }

        if (user.TeamId != found.Task.TeamId)
        {
            return new Forbidden("Bijlagen horen bij de waarden van het team van de indicator.");
        }

        if (toChange && !ReportingStatusExtensions.CanEnterValue(found.CycleStatus, found.Task.Status))
        {
            return new AttachmentsFixed();
        }

        return (found.Task, found.MunicipalityId);
    }

    public static IQueryable<AttachmentInfo> Infos(GovernanceDbContext db, IndicatorTaskId taskId) =>
        db.ValueAttachments.Where(a => a.TaskId == taskId).OrderBy(a => a.UploadedAtUtc)
            .Select(a => new AttachmentInfo(a.Id.Value, a.FileName, a.ContentType, a.Size, a.UploadedBy, a.UploadedAtUtc));
}

public sealed class AddValueAttachmentHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user, TimeProvider time)
    : ICommandHandler<AddValueAttachmentCommand, Result<AttachmentInfo>>
{
    public async ValueTask<Result<AttachmentInfo>> Handle(AddValueAttachmentCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await AttachmentAccess.TaskAsync(db, user, command.TaskId, toChange: true, cancellationToken);
        if (!task.Succeeded)
        {
            return task.Error;
        }

        var attachment = ValueAttachment.Attach(task.Value.MunicipalityId, task.Value.Task.Id, command.FileName, command.Content, user.DisplayName, time.GetUtcNow().UtcDateTime);
        if (!attachment.Succeeded)
        {
            return attachment.Error;
        }

        db.ValueAttachments.Add(attachment.Value);
        await db.SaveChangesAsync(cancellationToken);
        var a = attachment.Value;
        return new AttachmentInfo(a.Id.Value, a.FileName, a.ContentType, a.Size, a.UploadedBy, a.UploadedAtUtc);
    }
}

public sealed class RemoveValueAttachmentHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user)
    : ICommandHandler<RemoveValueAttachmentCommand, Result>
{
    public async ValueTask<Result> Handle(RemoveValueAttachmentCommand command, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await AttachmentAccess.TaskAsync(db, user, command.TaskId, toChange: true, cancellationToken);
        if (!task.Succeeded)
        {
            return task.Error;
        }

        var id = new ValueAttachmentId(command.AttachmentId);
        var removed = await db.ValueAttachments.Where(a => a.Id == id && a.TaskId == task.Value.Task.Id).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return new NotFound("Attachment");
        }

        return Result.Success();
    }
}

public sealed class GetValueAttachmentHandler(IDbContextFactory<GovernanceDbContext> dbFactory, CurrentUser user)
    : IQueryHandler<GetValueAttachmentQuery, Result<AttachmentFile>>
{
    public async ValueTask<Result<AttachmentFile>> Handle(GetValueAttachmentQuery query, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await AttachmentAccess.TaskAsync(db, user, query.TaskId, toChange: false, cancellationToken);
        if (!task.Succeeded)
        {
            return task.Error;
        }

        var id = new ValueAttachmentId(query.AttachmentId);
        var file = await db.ValueAttachments.Where(a => a.Id == id && a.TaskId == task.Value.Task.Id)
            .Select(a => new AttachmentFile(a.FileName, a.ContentType, a.Content)).SingleOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return new NotFound("Attachment");
        }

        return file;
    }
}
