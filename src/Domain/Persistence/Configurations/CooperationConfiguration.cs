using Governance.Domain.Indicators;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Governance.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Domain.Persistence.Configurations;

internal sealed class CooperationConfiguration : IEntityTypeConfiguration<Cooperation>
{
    public void Configure(EntityTypeBuilder<Cooperation> builder)
    {
        builder.ToTable("Cooperations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(Cooperation.NameMaxLength);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(c => c.LeadMunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.CurrentMembers);
        builder.OwnsMany(c => c.Members, members =>
        {
            members.ToTable("CooperationMembers");
            members.WithOwner().HasForeignKey("CooperationId");
            members.HasKey("CooperationId", nameof(CooperationMember.MunicipalityId));
            members.HasOne<Municipality>().WithMany().HasForeignKey(m => m.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
            members.HasIndex(m => m.MunicipalityId);
            members.HasOne<Alderman>().WithMany().HasForeignKey(m => m.PortfolioHolderId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Navigation(c => c.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RegionalShareConfiguration : IEntityTypeConfiguration<RegionalShare>
{
    public void Configure(EntityTypeBuilder<RegionalShare> builder)
    {
        builder.ToTable("RegionalShares");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.SharedBy).HasMaxLength(RegionalShare.ActorMaxLength);
        builder.Property(s => s.RevokedBy).HasMaxLength(RegionalShare.ActorMaxLength);
        builder.Ignore(s => s.IsActive);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Cooperation>().WithMany().HasForeignKey(s => s.CooperationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(s => s.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Obligation>().WithMany().HasForeignKey(s => s.ObligationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.CooperationId, s.RevokedAtUtc });
        builder.HasIndex(s => new { s.MunicipalityId, s.CooperationId });
    }
}

internal sealed class RegionalLetterConfiguration : IEntityTypeConfiguration<RegionalLetter>
{
    public void Configure(EntityTypeBuilder<RegionalLetter> builder)
    {
        builder.ToTable("RegionalLetters");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Subject).HasMaxLength(RegionalLetter.SubjectMaxLength);
        builder.Property(l => l.Body).HasMaxLength(RegionalLetter.BodyMaxLength);
        builder.Property(l => l.Hash).HasMaxLength(64);
        builder.Property(l => l.MemberList).HasMaxLength(2_000);
        builder.Property(l => l.ComposedBy).HasMaxLength(200);
        builder.Property(l => l.SentBackReason).HasMaxLength(RegionalLetter.ReasonMaxLength);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(l => l.Members);
        builder.Ignore(l => l.AllApprovalsIn);
        builder.HasOne<Cooperation>().WithMany().HasForeignKey(l => l.CooperationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(l => l.LeadMunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.CooperationId, l.ComposedAtUtc });
        builder.OwnsMany(l => l.Approvers, approvers =>
        {
            approvers.ToTable("RegionalLetterApprovers");
            approvers.WithOwner().HasForeignKey("RegionalLetterId");
            approvers.HasKey("RegionalLetterId", nameof(RegionalApprover.MunicipalityId));
            approvers.Property(a => a.ApprovedHash).HasMaxLength(64);
            approvers.Property(a => a.ApprovedBy).HasMaxLength(64);
            approvers.HasOne<Alderman>().WithMany().HasForeignKey(a => a.AldermanId).OnDelete(DeleteBehavior.Restrict);
            approvers.HasIndex(a => a.AldermanId);
        });
        builder.Navigation(l => l.Approvers).HasField("_approvers").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(l => l.Sendings, sendings =>
        {
            sendings.ToTable("RegionalLetterSendings");
            sendings.WithOwner().HasForeignKey("RegionalLetterId");
            sendings.HasKey("RegionalLetterId", nameof(RegionalSending.MunicipalityId));
            sendings.Property(s => s.Reference).HasMaxLength(40);
            sendings.Property(s => s.DocumentNumber).HasMaxLength(RegionalSending.DocumentNumberMaxLength);
            sendings.Property(s => s.RecordedBy).HasMaxLength(200);
            sendings.HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
            sendings.HasIndex(s => new { s.MunicipalityId, s.Reference }).IsUnique();
        });
        builder.Navigation(l => l.Sendings).HasField("_sendings").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
