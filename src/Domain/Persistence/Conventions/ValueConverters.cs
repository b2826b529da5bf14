using Governance.Domain.ReportingCycles;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Governance.Domain.Persistence.Conventions;

internal sealed class ReportingPeriodConverter() : ValueConverter<ReportingPeriod, string>(p => p.Code, code => ReportingPeriod.Parse(code));

/// <summary>Instants are stored and read back as UTC.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
