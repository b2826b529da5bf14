using Governance.Domain.Common;

namespace Governance.Web.Features.Organisation;

/// <summary>The text a person reads for a failed command: the field messages of invalid input, else the rule's own message.</summary>
internal static class Problems
{
    public static string? Of<T>(Result<T> result) =>
        result.Succeeded ? null : result.Error is Invalid invalid ? string.Join(" ", invalid.Fields.Values.SelectMany(v => v)) : result.Error.Message;
}
