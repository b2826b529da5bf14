using Governance.Domain.Accounts;
using Governance.Domain.Municipalities;
using Governance.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Domain.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.HasKey(n => n.Id);
        builder.Property(n => n.RecipientUserId).HasMaxLength(64);
        builder.Property(n => n.EventKey).HasMaxLength(Notification.KeyMaxLength);
        builder.Property(n => n.Subject).HasMaxLength(Notification.SubjectMaxLength);
        builder.Property(n => n.Body).HasMaxLength(Notification.BodyMaxLength);
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(n => n.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(n => n.RecipientUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(n => new { n.RecipientUserId, n.EventKey }).IsUnique().HasDatabaseName("UX_Notifications_Recipient_Event");
        builder.HasIndex(n => new { n.RecipientUserId, n.ReadAtUtc });
        builder.HasIndex(n => n.EmailedAtUtc);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<Common.IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<Common.IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.HasKey(r => new { r.Principal, r.Key });
        builder.Property(r => r.Principal).HasMaxLength(64);
        builder.Property(r => r.Key).HasMaxLength(Common.IdempotencyRecord.KeyMaxLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.HasIndex(r => r.CreatedAtUtc);
    }
}
