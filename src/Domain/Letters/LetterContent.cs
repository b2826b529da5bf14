using System.Security.Cryptography;
using System.Text;

namespace Governance.Domain.Letters;

/// <summary>
/// Everything a version of a letter says: the header fields, the text (Markdown) and the figures it was
/// composed from (a JSON snapshot the charts and the indicator table are drawn from). Its hash identifies
/// the exact version an alderman approved and seals a finalised letter.
/// </summary>
public sealed record LetterContent(string Subject, string HandledBy, string? Phone, string Body, string Data)
{
    public const int SubjectMaxLength = 300;
    public const int HandledByMaxLength = 200;
    public const int PhoneMaxLength = 40;
    public const int BodyMaxLength = 200_000;

    /// <summary>
    /// SHA-256 over the fields as they are stored (trimmed), each length-prefixed, so no two different contents
    /// share a hash and a save of the same text gives the same hash.
    /// </summary>
    public string Hash()
    {
        var builder = new StringBuilder();
        foreach (var field in new[] { Subject.Trim(), HandledBy.Trim(), Phone?.Trim() ?? "", Body.Trim(), Data })
        {
            builder.Append(field.Length).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
