using Governance.Domain.Indicators;
using Governance.Domain.Municipalities;
using Governance.Domain.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Governance.Domain.Persistence.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Code).HasMaxLength(Indicator.CodeMaxLength);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(i => i.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.MunicipalityId, i.Code }).IsUnique().HasDatabaseName("UX_Indicators_Municipality_Code");
        builder.Ignore(i => i.Current);
        builder.Ignore(i => i.RegionalKey);
        builder.Property(i => i.RegionalCode).HasMaxLength(Indicator.CodeMaxLength);
        builder.Property(i => i.NationalSource).HasMaxLength(Indicator.NationalSourceMaxLength);
        builder.HasMany(i => i.Definitions).WithOne().HasForeignKey(d => d.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Definitions).HasField("_definitions");
    }
}

internal sealed class IndicatorDefinitionConfiguration : IEntityTypeConfiguration<IndicatorDefinition>
{
    public void Configure(EntityTypeBuilder<IndicatorDefinition> builder)
    {
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => new { d.IndicatorId, d.VersionNumber }).IsUnique().HasDatabaseName("UX_IndicatorDefinitions_Indicator_Version");
        builder.Property(d => d.IndicatorCode).HasMaxLength(Indicator.CodeMaxLength);
        builder.Property(d => d.Name).HasMaxLength(IndicatorSpecification.NameMaxLength);
        builder.Property(d => d.Definition).HasMaxLength(IndicatorSpecification.DefinitionMaxLength);
        builder.Property(d => d.Unit).HasMaxLength(IndicatorSpecification.UnitMaxLength);
        builder.Property(d => d.Source).HasMaxLength(IndicatorSpecification.SourceMaxLength);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.GoodDirection).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Nature).HasConversion<string>().HasMaxLength(10);
        builder.Property(d => d.Formula).HasMaxLength(IndicatorFormula.MaxLength * 2);
        builder.Property(d => d.Benchmark).HasMaxLength(Indicator.CodeMaxLength);
        builder.Property(d => d.Caveat).HasMaxLength(IndicatorSpecification.CaveatMaxLength);
        builder.Ignore(d => d.IsDerived);
        builder.Ignore(d => d.ParsedFormula);
        builder.HasOne<Team>().WithMany().HasForeignKey(d => d.ResponsibleTeamId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsOne(d => d.Baseline, baseline =>
        {
            baseline.Property(b => b.Value).HasColumnName("BaselineValue");
            baseline.Property(b => b.MeasuredOn).HasColumnName("BaselineMeasuredOn");
        });
        builder.OwnsOne(d => d.Target, target =>
        {
            target.Property(t => t.Value).HasColumnName("TargetValue");
            target.Property(t => t.Year).HasColumnName("TargetYear");
        });
        builder.Ignore(d => d.Categories);
        builder.PrimitiveCollection<List<string>>("_categories").HasColumnName("Categories");
    }
}
