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
        builder.Property(l => l.SentDocumentNumber).HasMaxLength(60);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(l => l.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReportingCycle>().WithMany().HasForeignKey(l => l.CycleId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.CycleId).IsUnique().HasDatabaseName("UX_CouncilLetters_Cycle");
        builder.HasIndex(l => new { l.MunicipalityId, l.Reference }).IsUnique().HasDatabaseName("UX_CouncilLetters_Municipality_Reference");
        builder.HasMany(l => l.Approvals).WithOne().HasForeignKey(a => a.LetterId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Approvals).HasField("_approvals");
        builder.HasMany(l => l.Versions).WithOne().HasForeignKey(v => v.LetterId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(l => l.Versions).HasField("_versions");
        builder.Ignore(l => l.Current);
        builder.Ignore(l => l.CurrentApprovals);
        builder.Ignore(l => l.StaleApprovals);
    }
}

internal sealed class LetterVersionConfiguration : IEntityTypeConfiguration<LetterVersion>
{
    public void Configure(EntityTypeBuilder<LetterVersion> builder)
    {
        builder.ToTable("LetterVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Subject).HasMaxLength(LetterContent.SubjectMaxLength);
        builder.Property(v => v.HandledBy).HasMaxLength(LetterContent.HandledByMaxLength);
        builder.Property(v => v.Phone).HasMaxLength(LetterContent.PhoneMaxLength);
        builder.Property(v => v.Hash).HasMaxLength(64);
        builder.Property(v => v.Reason).HasMaxLength(LetterVersion.ReasonMaxLength);
        builder.Property(v => v.CreatedBy).HasMaxLength(120);
        builder.Ignore(v => v.Content);
        builder.HasIndex(v => new { v.LetterId, v.Number }).IsUnique().HasDatabaseName("UX_LetterVersions_Letter_Number");
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
        builder.Ignore(a => a.IsWithdrawn);
        builder.HasOne<Alderman>().WithMany().HasForeignKey(a => a.AldermanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LetterReferenceCounterConfiguration : IEntityTypeConfiguration<LetterReferenceCounter>
{
    public void Configure(EntityTypeBuilder<LetterReferenceCounter> builder)
    {
        builder.ToTable("LetterReferenceCounters");
        builder.HasKey(c => new { c.MunicipalityId, c.Year });
        builder.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LetterTemplateConfiguration : IEntityTypeConfiguration<LetterTemplate>
{
    public void Configure(EntityTypeBuilder<LetterTemplate> builder)
    {
        builder.ToTable("LetterTemplates");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Text).HasMaxLength(LetterTemplate.TextMaxLength);
        builder.Property(t => t.UpdatedBy).HasMaxLength(120);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(t => t.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.MunicipalityId, t.Kind }).IsUnique().HasDatabaseName("UX_LetterTemplates_Municipality_Kind");
    }
}
