namespace Governance.Domain.Common;

/// <summary>A broken invariant: the caller should have checked first. Expected failures are <see cref="Result"/> values.</summary>
public sealed class DomainRuleException(string message) : Exception(message);

internal static class Guard
{
    public static string Text(string? value, string name, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainRuleException($"{name} is required.");
        }

        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new DomainRuleException($"{name} is longer than {maxLength} characters.");
        }

        return trimmed;
    }

    public static string? OptionalText(string? value, string name, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(value, name, maxLength);
}
