namespace Governance.Web.Components.Shared;

/// <summary>
/// Text as a Word or PDF document can hold it: without the characters XML 1.0 forbids (the control characters
/// other than tab, line feed and carriage return, U+FFFE and U+FFFF) and without halves of a surrogate pair.
/// New text with such characters is refused at the door; this keeps older or imported text from breaking a download.
/// </summary>
public static class PrintableText
{
    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsDoubtful))
        {
            return text ?? "";
        }

        var printable = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                printable.Append(c).Append(text[++i]);
            }
            else if (!IsDoubtful(c))
            {
                printable.Append(c);
            }
        }

        return printable.ToString();
    }

    private static bool IsDoubtful(char c) => (c < ' ' && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF' || char.IsSurrogate(c);
}
