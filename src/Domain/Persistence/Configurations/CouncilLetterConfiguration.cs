using Governance.Domain.Letters;
using Governance.Domain.Municipalities;
using Governance.Domain.Organisation;
using Governance.Domain.ReportingCycles;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Domain.Persistence.Configurations;

internal sealed class CouncilLetterConfiguration : IEntityTypeConfiguration<CouncilLetter>
{
    public void Configure(EntityTypeBuilder<CouncilLetter> builder)
    {
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Subject).HasMaxLength(CouncilLetter.SubjectMaxLength);
        builder.Property(l => l.Reference).HasMaxLength(CouncilLetter.ReferenceMaxLength);
        builder.Property(l => l.ContentHash).HasMaxLength(128);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(l => l.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReportingCycle>().WithMany().HasForeignKey(l => l.CycleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.CycleId);
        builder.HasIndex(l => new { l.MunicipalityId, l.Reference }).IsUnique().HasDatabaseName("UX_CouncilLetters_Municipality_Reference");
        builder.HasMany(l => l.Approvals).WithOne().HasForeignKey(a => a.LetterId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Approvals).HasField("_approvals");
    }
}

internal sealed class ApprovalConfiguration : IEntityTypeConfiguration<Approval>
{
    public void Configure(EntityTypeBuilder<Approval> builder)
    {
        builder.ToTable("Approvals");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.UserId).HasMaxLength(64);
        builder.Property(a => a.VersionHash).HasMaxLength(128);
        builder.HasOne<Alderman>().WithMany().HasForeignKey(a => a.AldermanId).OnDelete(DeleteBehavior.Restrict);
    }
}
