namespace Governance.Domain.Common;

/// <summary>Small helpers for the sentences messages are built from.</summary>
public static class Sentence
{
    /// <summary>The text with its first letter a capital, to start a sentence or a title: "melden als uitgevoerd" → "Melden als uitgevoerd".</summary>
    public static string Capitalised(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));
}
