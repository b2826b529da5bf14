using Governance.Domain.Commitments;
using Governance.Domain.Indicators;
using Governance.Domain.Motions;
using Governance.Domain.Municipalities;
using Governance.Domain.Obligations;
using Governance.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Domain.Persistence.Configurations;

internal sealed class ObligationConfiguration : IEntityTypeConfiguration<Obligation>
{
    public void Configure(EntityTypeBuilder<Obligation> builder)
    {
        builder.ToTable("Obligations");
        builder.HasKey(o => o.Id);
        builder.HasDiscriminator<string>("Discriminator")
            .HasValue<Motion>(nameof(ObligationKind.Motion))
            .HasValue<Commitment>(nameof(ObligationKind.Commitment));
        builder.Property<string>("Discriminator").HasColumnName("Kind").HasMaxLength(20);
        builder.Ignore(o => o.Kind);
        builder.Property(o => o.Reference).HasMaxLength(Obligation.ReferenceMaxLength);
        builder.Property(o => o.Title).HasMaxLength(Obligation.TitleMaxLength);
        builder.Property(o => o.Text).HasMaxLength(Obligation.TextMaxLength);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.PolicyArea).HasMaxLength(PolicyArea.NameMaxLength);
        builder.Property(o => o.Cadence).HasConversion<string>().HasMaxLength(20);
        builder.ComplexProperty(o => o.Meeting, meeting =>
        {
            meeting.Property(m => m.Body).HasColumnName("MeetingBody").HasMaxLength(Meeting.BodyMaxLength);
            meeting.Property(m => m.Date).HasColumnName("MeetingDate");
        });
        builder.HasOne<Municipality>().WithMany().HasForeignKey(o => o.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.MunicipalityId, o.Reference }).IsUnique().HasDatabaseName("UX_Obligations_Municipality_Reference");
        builder.HasIndex(o => new { o.MunicipalityId, o.Status });
        // The cockpit's chart counts adoptions per day: from this index alone, not the wide rows.
        builder.HasIndex(o => new { o.MunicipalityId, o.AdoptedOn });

        builder.Ignore(o => o.ResponsibleAldermen);
        builder.OwnsMany<ResponsibleAlderman>("_aldermen", aldermen =>
        {
            aldermen.ToTable("ObligationAldermen");
            aldermen.WithOwner().HasForeignKey("ObligationId");
            aldermen.HasKey("ObligationId", nameof(ResponsibleAlderman.AldermanId));
            aldermen.HasOne<Alderman>().WithMany().HasForeignKey(a => a.AldermanId).OnDelete(DeleteBehavior.Restrict);
            aldermen.HasIndex(a => a.AldermanId);
        });

        builder.OwnsMany(o => o.RequiredIndicators, indicators =>
        {
            indicators.ToTable("ObligationIndicators");
            indicators.WithOwner().HasForeignKey("ObligationId");
            indicators.HasKey("ObligationId", nameof(RequiredIndicator.IndicatorId));
            indicators.Property(i => i.Label).HasMaxLength(Obligation.LabelMaxLength);
            indicators.HasOne<Indicator>().WithMany().HasForeignKey(i => i.IndicatorId).OnDelete(DeleteBehavior.Restrict);
            indicators.HasIndex(i => i.IndicatorId);
        });
        builder.Navigation(o => o.RequiredIndicators).HasField("_requiredIndicators");

        builder.OwnsMany(o => o.History, history =>
        {
            history.ToTable("ObligationHistory");
            history.WithOwner().HasForeignKey("ObligationId");
            history.Property<int>("Id");
            history.HasKey("Id");
            history.Property(h => h.Actor).HasMaxLength(120);
            history.Property(h => h.What).HasMaxLength(40);
            history.Property(h => h.Reason).HasMaxLength(2000);
            history.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
            history.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
            history.HasIndex("ObligationId", nameof(ObligationHistoryEntry.Sequence)).IsUnique();
            // The cockpit's chart reads the closing lines (to Fulfilled or Lapsed): few among many.
            history.HasIndex(nameof(ObligationHistoryEntry.To));
        });
        builder.Navigation(o => o.History).HasField("_history");
    }
}

internal sealed class MotionConfiguration : IEntityTypeConfiguration<Motion>
{
    public void Configure(EntityTypeBuilder<Motion> builder)
    {
        builder.Ignore(m => m.SubmittingParties);
        builder.PrimitiveCollection<List<string>>("_submittingParties").HasColumnName("SubmittingParties");
    }
}

internal sealed class ObligationFollowerConfiguration : IEntityTypeConfiguration<ObligationFollower>
{
    public void Configure(EntityTypeBuilder<ObligationFollower> builder)
    {
        builder.ToTable("ObligationFollowers");
        builder.HasKey(f => new { f.ObligationId, f.UserId });
        builder.Property(f => f.UserId).HasMaxLength(64);
        builder.HasOne<Obligation>().WithMany().HasForeignKey(f => f.ObligationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Accounts.ApplicationUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(f => f.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.UserId);
    }
}
