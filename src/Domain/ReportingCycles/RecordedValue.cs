using Governance.Domain.Common;
using Governance.Domain.Indicators;

namespace Governance.Domain.ReportingCycles;

/// <summary>
/// One value as someone entered it, with its explanation and source. A task keeps every recorded
/// value in order; a correction is a new entry, the earlier ones stay.
/// </summary>
public sealed class RecordedValue : Entity
{
    public const int ExplanationMaxLength = 4_000;
    public const int SourceMaxLength = 200;
    public const int ActorMaxLength = 120;

    private RecordedValue()
    {
        Value = null!;
        RecordedBy = null!;
    }

    internal RecordedValue(int sequence, int definitionVersion, IndicatorValue value, string? explanation, string? source, string recordedBy, DateTime recordedAtUtc)
    {
        Id = IndicatorValueId.New();
        Sequence = sequence;
        DefinitionVersion = definitionVersion;
        Value = value;
        Explanation = Guard.OptionalText(explanation, nameof(Explanation), ExplanationMaxLength);
        Source = Guard.OptionalText(source, nameof(Source), SourceMaxLength);
        RecordedBy = Guard.Text(recordedBy, nameof(RecordedBy), ActorMaxLength);
        RecordedAtUtc = recordedAtUtc;
    }

    /// <summary>For a store that reads rows without EF: the value as stored.</summary>
    internal static RecordedValue Restore(IndicatorValueId id, int sequence, int definitionVersion, IndicatorValue value, string? explanation, string? source, string recordedBy, DateTime recordedAtUtc) =>
        new()
        {
            Id = id,
            Sequence = sequence,
            DefinitionVersion = definitionVersion,
            Value = value,
            Explanation = explanation,
            Source = source,
            RecordedBy = recordedBy,
            RecordedAtUtc = recordedAtUtc,
        };

    public IndicatorValueId Id { get; private set; }

    public int Sequence { get; private set; }

    /// <summary>The definition version the value was measured under.</summary>
    public int DefinitionVersion { get; private set; }

    public IndicatorValue Value { get; private set; }

    public string? Explanation { get; private set; }

    public string? Source { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }
}
