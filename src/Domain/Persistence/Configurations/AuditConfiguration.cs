using Governance.Domain.Auditing;
using Governance.Domain.Municipalities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Domain.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.ActorUserId).HasMaxLength(64);
        builder.Property(e => e.Actor).HasMaxLength(AuditEntry.ActorMaxLength);
        builder.Property(e => e.Subject).HasMaxLength(AuditEntry.SubjectMaxLength);
        builder.Property(e => e.Details).HasMaxLength(AuditEntry.DetailsMaxLength);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(e => e.MunicipalityId).OnDelete(DeleteBehavior.Restrict);

        // The log is read newest first, whole or by action or by actor: each has its index, walked from the top.
        builder.HasIndex(e => new { e.MunicipalityId, e.Id }).HasDatabaseName("IX_AuditLog_Municipality");
        builder.HasIndex(e => new { e.MunicipalityId, e.Action, e.Id }).HasDatabaseName("IX_AuditLog_Municipality_Action");
        builder.HasIndex(e => new { e.MunicipalityId, e.ActorUserId, e.Id }).HasDatabaseName("IX_AuditLog_Municipality_Actor");
    }
}
