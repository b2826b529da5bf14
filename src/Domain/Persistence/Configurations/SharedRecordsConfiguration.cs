using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Domain.Persistence.Configurations;

internal sealed class StoredKeyConfiguration : IEntityTypeConfiguration<StoredKey>
{
    public void Configure(EntityTypeBuilder<StoredKey> builder)
    {
        builder.ToTable("DataProtectionKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}

internal sealed class ChangeSignalConfiguration : IEntityTypeConfiguration<ChangeSignal>
{
    public void Configure(EntityTypeBuilder<ChangeSignal> builder)
    {
        builder.ToTable("ChangeSignals");
        builder.HasKey(s => s.Topic);
        builder.Property(s => s.Topic).HasMaxLength(ChangeSignal.TopicMaxLength);
    }
}
