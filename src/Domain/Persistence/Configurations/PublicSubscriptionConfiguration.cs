using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.PublicRegister;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Domain.Persistence.Configurations;

internal sealed class PublicSubscriptionConfiguration : IEntityTypeConfiguration<PublicSubscription>
{
    public void Configure(EntityTypeBuilder<PublicSubscription> builder)
    {
        builder.ToTable("PublicSubscriptions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Email).HasMaxLength(PublicSubscription.EmailMaxLength);
        builder.Property(s => s.Committee).HasMaxLength(Meeting.BodyMaxLength);
        builder.Ignore(s => s.IsConfirmed);
        builder.HasOne<Obligation>().WithMany().HasForeignKey(s => s.ObligationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(s => s.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        // Who follows an item, who follows a committee; one address follows each once.
        builder.HasIndex(s => new { s.ObligationId, s.Email }).IsUnique();
        builder.HasIndex(s => new { s.MunicipalityId, s.Committee, s.Email });
        builder.HasIndex(s => s.CreatedAtUtc);
    }
}
