using Governance.Domain.Accounts;
using Governance.Domain.Municipalities;
using Governance.Domain.Organisation;
using Governance.Domain.Planning;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Domain.Persistence.Configurations;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(ApplicationUser.DisplayNameMaxLength);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(u => u.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Team>().WithMany().HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Alderman>().WithMany().HasForeignKey(u => u.AldermanId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(u => u.SubstituteUserId).HasMaxLength(64);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(u => u.SubstituteUserId).OnDelete(DeleteBehavior.Restrict);

        // The accounts list reads a municipality's accounts by name, a page at a time.
        builder.HasIndex(u => new { u.MunicipalityId, u.DisplayName }).HasDatabaseName("IX_AspNetUsers_Municipality_DisplayName");
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength);
        builder.Property(k => k.Prefix).HasMaxLength(ApiKey.PrefixLength + 4);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(k => k.Prefix);
        builder.HasIndex(k => k.Hash).IsUnique().HasDatabaseName("UX_ApiKeys_Hash");
    }
}

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId);
    }
}

internal sealed class PlanningYearConfiguration : IEntityTypeConfiguration<PlanningYear>
{
    public void Configure(EntityTypeBuilder<PlanningYear> builder)
    {
        builder.HasKey(y => y.Id);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(y => y.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(y => new { y.MunicipalityId, y.Year }).IsUnique().HasDatabaseName("UX_PlanningYears_Municipality_Year");
        builder.Ignore(y => y.CouncilMeetings);
        builder.PrimitiveCollection<List<DateOnly>>("_councilMeetings").HasColumnName("CouncilMeetings");
        builder.Ignore(y => y.Holidays);
        builder.PrimitiveCollection<List<DutchHoliday>>("_holidays").HasColumnName("Holidays").ElementType(e => e.HasConversion<string>());
        builder.Ignore(y => y.ClosedDays);
        builder.PrimitiveCollection<List<DateOnly>>("_closedDays").HasColumnName("ClosedDays");
        builder.Ignore(y => y.AllClosedDays);
        builder.Ignore(y => y.CommitteeMeetings);
        builder.OwnsMany<CommitteeMeeting>("_committeeMeetings", meetings =>
        {
            meetings.ToTable("PlanningCommitteeMeetings");
            meetings.WithOwner().HasForeignKey("PlanningYearId");
            meetings.HasKey("PlanningYearId", nameof(CommitteeMeeting.CommitteeId), nameof(CommitteeMeeting.Date));
            meetings.HasOne<Committee>().WithMany().HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Restrict);
            meetings.HasIndex(m => m.CommitteeId);
        });
    }
}
