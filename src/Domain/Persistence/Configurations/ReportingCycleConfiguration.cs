using System.Text.Json;
using Governance.Domain.Indicators;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Domain.ReportingCycles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Domain.Persistence.Configurations;

internal sealed class ReportingCycleConfiguration : IEntityTypeConfiguration<ReportingCycle>
{
    public void Configure(EntityTypeBuilder<ReportingCycle> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Obligation>().WithMany().HasForeignKey(c => c.ObligationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.ObligationId, c.Period }).IsUnique().HasDatabaseName("UX_ReportingCycles_Obligation_Period");
        builder.HasIndex(c => new { c.MunicipalityId, c.Status });
        builder.Property(c => c.NextTimer).HasConversion<string>().HasMaxLength(30);
        // The sweep takes the due cycles in batches in this order; with the key in the index it reads only a batch's rows, unsorted.
        builder.HasIndex(c => new { c.NextTimerOn, c.Id });
        builder.ComplexProperty(c => c.Deadlines, deadlines =>
        {
            deadlines.Property(d => d.ValuesDue).HasColumnName("ValuesDue");
            deadlines.Property(d => d.DraftDue).HasColumnName("DraftDue");
            deadlines.Property(d => d.ApprovalsDue).HasColumnName("ApprovalsDue");
            deadlines.Property(d => d.SendToCouncil).HasColumnName("SendToCouncil");
        });
        builder.HasMany(c => c.Tasks).WithOne(nameof(IndicatorTask.Cycle)).HasForeignKey(t => t.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Tasks).HasField("_tasks");
        builder.OwnsMany(c => c.Journal, journal =>
        {
            journal.ToTable("ReportingCycleJournal");
            journal.WithOwner().HasForeignKey("CycleId");
            journal.Property<int>("Id");
            journal.HasKey("Id");
            journal.Property(j => j.Actor).HasMaxLength(ReportingCycle.ActorMaxLength);
            journal.Property(j => j.Trigger).HasMaxLength(40);
            journal.Property(j => j.Reason).HasMaxLength(ReportingCycle.ReasonMaxLength);
            journal.Property(j => j.From).HasConversion<string>().HasMaxLength(20);
            journal.Property(j => j.To).HasConversion<string>().HasMaxLength(20);
            journal.HasIndex("CycleId", nameof(CycleJournalEntry.Sequence)).IsUnique();
        });
        builder.Navigation(c => c.Journal).HasField("_journal");
    }
}

internal sealed class IndicatorTaskConfiguration : IEntityTypeConfiguration<IndicatorTask>
{
    /// <summary>A task still waiting for a value, in SQL; the same terms as the lists' filter, so both databases see that the index answers them.</summary>
    private static readonly string WaitingFilter =
        $"\"Status\" IN ({string.Join(", ", new[] { IndicatorTaskStatus.Open, IndicatorTaskStatus.DraftSaved, IndicatorTaskStatus.Returned }.Select(s => $"'{s}'"))})";

    public void Configure(EntityTypeBuilder<IndicatorTask> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.AssigneeUserId).HasMaxLength(64);
        builder.Property(t => t.ReturnReason).HasMaxLength(2_000);
        builder.Property(t => t.ObligationReference).HasMaxLength(Obligation.ReferenceMaxLength);
        builder.Property(t => t.IndicatorCode).HasMaxLength(Indicator.CodeMaxLength);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(t => t.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.CycleId, t.IndicatorId }).IsUnique().HasDatabaseName("UX_IndicatorTasks_Cycle_Indicator");
        // Mijn taken: a team's waiting tasks by deadline; with the cycle in the index they are counted and joined to their cycles without reading the task rows.
        builder.HasIndex(t => new { t.TeamId, t.Status, t.DueDate, t.CycleId });
        // Mijn taken's first page: a team's waiting tasks already in the list's order (deadline, obligation, indicator),
        // so the page is the index's first rows whose cycles are open, not a sort of every task of the team.
        builder.HasIndex(t => new { t.TeamId, t.DueDate, t.ObligationReference, t.IndicatorCode, t.Id, t.CycleId })
            .HasFilter(WaitingFilter).HasDatabaseName("IX_IndicatorTasks_Waiting_InListOrder");
        // The cockpit counts each cycle's open tasks: from this index alone, without reading the task rows.
        builder.HasIndex(t => new { t.CycleId, t.Status });
        builder.Ignore(t => t.CurrentValue);
        builder.HasMany(t => t.Values).WithOne().HasForeignKey("TaskId").OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Values).HasField("_values");
    }
}

internal sealed class RecordedValueConfiguration : IEntityTypeConfiguration<RecordedValue>
{
    /// <summary>How a breakdown is stored in its column (also written by the value writer's own statements on SQLite).</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<RecordedValue> builder)
    {
        builder.HasKey(v => v.Id);
        builder.HasIndex("TaskId", nameof(RecordedValue.Sequence)).IsUnique().HasDatabaseName("UX_RecordedValues_Task_Sequence");
        builder.Property(v => v.Explanation).HasMaxLength(RecordedValue.ExplanationMaxLength);
        builder.Property(v => v.Source).HasMaxLength(RecordedValue.SourceMaxLength);
        builder.Property(v => v.RecordedBy).HasMaxLength(RecordedValue.ActorMaxLength);
        builder.ComplexProperty(v => v.Value, value =>
        {
            value.Property(x => x.Number).HasColumnName("Number");
            value.Property(x => x.Text).HasColumnName("Text").HasMaxLength(IndicatorValue.TextMaxLength);
            value.Property(x => x.NotAvailableReason).HasColumnName("NotAvailableReason").HasMaxLength(IndicatorValue.ReasonMaxLength);
            value.Property(x => x.Breakdown).HasColumnName("Breakdown")
                .HasConversion(
                    b => b == null ? null : JsonSerializer.Serialize(b, Json),
                    s => s == null ? null : JsonSerializer.Deserialize<List<CategoryValue>>(s, Json),
                    new ValueComparer<IReadOnlyList<CategoryValue>?>(
                        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
                        b => b == null ? 0 : b.Aggregate(0, (h, x) => HashCode.Combine(h, x.GetHashCode())),
                        b => b == null ? null : b.ToList()));
        });
    }
}

internal sealed class ValueAttachmentConfiguration : IEntityTypeConfiguration<ValueAttachment>
{
    public void Configure(EntityTypeBuilder<ValueAttachment> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.FileName).HasMaxLength(ValueAttachment.FileNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.UploadedBy).HasMaxLength(RecordedValue.ActorMaxLength);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IndicatorTask>().WithMany().HasForeignKey(a => a.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.TaskId);
    }
}
