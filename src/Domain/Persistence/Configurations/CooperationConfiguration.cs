using Governance.Domain.Indicators;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
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
