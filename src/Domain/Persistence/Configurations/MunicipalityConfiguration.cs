using Governance.Domain.Municipalities;
using Governance.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Domain.Persistence.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Name).HasMaxLength(Municipality.NameMaxLength);
        builder.Property(m => m.Code).HasMaxLength(Municipality.CodeMaxLength);
        builder.Property(m => m.PublicAddress).HasMaxLength(Municipality.AddressMaxLength);
        builder.Property(m => m.ContactPhone).HasMaxLength(Municipality.ContactMaxLength);
        builder.Property(m => m.ContactEmail).HasMaxLength(Municipality.ContactMaxLength);
        builder.HasIndex(m => m.Code).IsUnique().HasDatabaseName("UX_Municipalities_Code");
        builder.Ignore(m => m.TwoFactorRoles);
        builder.PrimitiveCollection<List<string>>("_twoFactorRoles").HasColumnName("TwoFactorRoles");
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(Team.NameMaxLength);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(t => t.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.MunicipalityId, t.Name }).IsUnique().HasDatabaseName("UX_Teams_Municipality_Name");
    }
}

internal sealed class AldermanConfiguration : IEntityTypeConfiguration<Alderman>
{
    public void Configure(EntityTypeBuilder<Alderman> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(Alderman.NameMaxLength);
        builder.Property(a => a.Portfolio).HasMaxLength(Alderman.PortfolioMaxLength);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Alderman>().WithMany().HasForeignKey(a => a.SucceededBy).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommitteeConfiguration : IEntityTypeConfiguration<Committee>
{
    public void Configure(EntityTypeBuilder<Committee> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(Committee.NameMaxLength);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(c => c.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.MunicipalityId, c.Name }).IsUnique().HasDatabaseName("UX_Committees_Municipality_Name");
    }
}
