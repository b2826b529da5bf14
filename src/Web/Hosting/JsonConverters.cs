using System.Text.Json;
using System.Text.Json.Serialization;
using Governance.Domain.ReportingCycles;

namespace Governance.Web.Hosting;

/// <summary>A reporting period travels as its code: "2025-Q2", "2025-H1", "2025", "2024-03-05".</summary>
public sealed class ReportingPeriodJsonConverter : JsonConverter<ReportingPeriod>
{
    public override ReportingPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReportingPeriod.TryParse(reader.GetString(), out var period)
            ? period
            : throw new JsonException("Not a reporting period code (2025-Q2, 2025-H1, 2025 or 2024-03-05).");

    public override void Write(Utf8JsonWriter writer, ReportingPeriod value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Code);
}
