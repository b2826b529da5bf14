using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
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

/// <summary>
/// A field of one of the project's request types that holds a plain value (a yes/no, a number, an id, a date) and
/// has no default is required: a request that leaves it out is refused with a 400 naming it, instead of reading
/// it as false, 0 or an empty id. Text and lists may be left out; their validators say when they are needed.
/// </summary>
public static class RequiredValues
{
    public static void Require(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object || !(type.Type.Namespace?.StartsWith("Governance.", StringComparison.Ordinal) ?? false))
        {
            return;
        }

        var constructor = type.Type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        var plainValues = constructor?.GetParameters()
            .Where(p => !p.HasDefaultValue && p.ParameterType.IsValueType && Nullable.GetUnderlyingType(p.ParameterType) is null)
            .Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        foreach (var property in type.Properties.Where(p => p.AttributeProvider is System.Reflection.PropertyInfo info && plainValues.Contains(info.Name)))
        {
            property.IsRequired = true;
        }
    }
}
