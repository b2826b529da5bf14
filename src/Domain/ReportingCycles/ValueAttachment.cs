using Governance.Domain.Common;
using Governance.Domain.Municipalities;

namespace Governance.Domain.ReportingCycles;

public readonly record struct ValueAttachmentId(Guid Value) : ITypedId<ValueAttachmentId>
{
    public static ValueAttachmentId New() => new(Guid.CreateVersion7());

    public static ValueAttachmentId From(Guid value) => new(value);

    public override string ToString() => Value.ToString();
}

/// <summary>
/// A file that backs up an indicator value (the source table, an export, a memo): kept with the task it was supplied
/// for, so whoever checks the figure later finds where it came from. The file is kept whole, in the database, with the
/// name, type and size it arrived with and who added it when.
/// </summary>
public sealed class ValueAttachment : Entity, IMunicipalityOwned
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int FileNameMaxLength = 200;

    /// <summary>What may be attached, by extension, with the type it is served as: documents, spreadsheets, images and plain text.</summary>
    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".ods"] = "application/vnd.oasis.opendocument.spreadsheet",
        [".csv"] = "text/csv",
        [".txt"] = "text/plain",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
    };

    private ValueAttachment()
    {
        FileName = null!;
        ContentType = null!;
        Content = null!;
        UploadedBy = null!;
    }

    private ValueAttachment(MunicipalityId municipalityId, IndicatorTaskId taskId, string fileName, byte[] content, string uploadedBy, DateTime nowUtc)
    {
        Id = ValueAttachmentId.New();
        MunicipalityId = municipalityId;
        TaskId = taskId;
        FileName = fileName;
        ContentType = Types[Path.GetExtension(fileName)];
        Size = content.LongLength;
        Content = content;
        UploadedBy = Guard.Text(uploadedBy, nameof(UploadedBy), RecordedValue.ActorMaxLength);
        UploadedAtUtc = nowUtc;
    }

    public ValueAttachmentId Id { get; private set; }

    public MunicipalityId MunicipalityId { get; private set; }

    public IndicatorTaskId TaskId { get; private set; }

    public string FileName { get; private set; }

    public string ContentType { get; private set; }

    public long Size { get; private set; }

    public byte[] Content { get; private set; }

    public string UploadedBy { get; private set; }

    public DateTime UploadedAtUtc { get; private set; }

    /// <summary>The file, or why it cannot be attached (in Dutch, for the person adding it): empty, too large, a type that is not accepted, content that is not what its name says, no name.</summary>
    public static Result<ValueAttachment> Attach(MunicipalityId municipalityId, IndicatorTaskId taskId, string? fileName, byte[] content, string uploadedBy, DateTime nowUtc)
    {
        var name = Path.GetFileName(fileName?.Trim() ?? "");
        if (name.Length == 0)
        {
            return Invalid("fileName", "Geef de naam van het bestand.");
        }

        if (name.Length > FileNameMaxLength)
        {
            return Invalid("fileName", $"Een bestandsnaam is hooguit {FileNameMaxLength} tekens.");
        }

        if (!Types.ContainsKey(Path.GetExtension(name)))
        {
            return Invalid("file", $"Dit soort bestand kan niet als bijlage worden toegevoegd. Toegestaan: {string.Join(", ", Types.Keys)}.");
        }

        if (content.LongLength == 0)
        {
            return Invalid("file", "Het bestand is leeg.");
        }

        if (content.LongLength > MaxBytes)
        {
            return Invalid("file", "Een bijlage is hooguit 10 MB.");
        }

        if (!FileSignatures.Matches(Path.GetExtension(name), content))
        {
            return Invalid("file", $"De inhoud van dit bestand is geen {Path.GetExtension(name).TrimStart('.').ToUpperInvariant()}: controleer of u het goede bestand kiest en of de naam klopt.");
        }

        return new ValueAttachment(municipalityId, taskId, name, content, uploadedBy, nowUtc);
    }

    private static Invalid Invalid(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}
