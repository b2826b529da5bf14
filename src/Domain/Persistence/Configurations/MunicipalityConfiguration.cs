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
        builder.Property(m => m.LetterLinks).HasMaxLength(Municipality.LinksMaxLength);
        builder.Property(m => m.LetterLogoType).HasMaxLength(20);
        builder.ComplexProperty(m => m.TrendRelative, t =>
        {
            t.Property(x => x.Equal).HasColumnName("TrendRelativeEqual").HasPrecision(9, 3);
            t.Property(x => x.Slight).HasColumnName("TrendRelativeSlight").HasPrecision(9, 3);
            t.Property(x => x.Strong).HasColumnName("TrendRelativeStrong").HasPrecision(9, 3);
        });
        builder.ComplexProperty(m => m.TrendPoints, t =>
        {
            t.Property(x => x.Equal).HasColumnName("TrendPointsEqual").HasPrecision(9, 3);
            t.Property(x => x.Slight).HasColumnName("TrendPointsSlight").HasPrecision(9, 3);
            t.Property(x => x.Strong).HasColumnName("TrendPointsStrong").HasPrecision(9, 3);
        });
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
        builder.Property(t => t.LetterHandledBy).HasMaxLength(Team.ContactMaxLength);
        builder.Property(t => t.LetterPhone).HasMaxLength(Team.ContactMaxLength);
        builder.Property(t => t.LetterEmail).HasMaxLength(Team.ContactMaxLength);
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

internal sealed class PolicyAreaConfiguration : IEntityTypeConfiguration<PolicyArea>
{
    public void Configure(EntityTypeBuilder<PolicyArea> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Name).HasMaxLength(PolicyArea.NameMaxLength);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(a => a.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.MunicipalityId, a.Name }).IsUnique().HasDatabaseName("UX_PolicyAreas_Municipality_Name");
    }
}
