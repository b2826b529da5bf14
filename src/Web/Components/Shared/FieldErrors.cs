using Governance.Domain.Common;

namespace Governance.Web.Components.Shared;

/// <summary>
/// The messages a form shows beside its fields: from the server's refusal ('indicators[1].label' counts for
/// the field 'indicators', several messages for one field are joined) or from the form's own checks.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, string> _messages = new(StringComparer.OrdinalIgnoreCase);

    public bool IsEmpty => _messages.Count == 0;

    /// <summary>Shows the field messages of a refusal instead of the current ones; true when it was one.</summary>
    public bool Take(Error? error)
    {
        _messages.Clear();
        if (error is not Invalid invalid)
        {
            return false;
        }

        foreach (var group in invalid.Fields.GroupBy(f => f.Key.Split('[')[0], StringComparer.OrdinalIgnoreCase))
        {
            _messages[group.Key] = string.Join(" ", group.SelectMany(f => f.Value).Distinct());
        }

        return true;
    }

    public void Set(string field, string message) => _messages[field] = message;

    public void Clear(string field) => _messages.Remove(field);

    public void ClearAll() => _messages.Clear();

    public bool Has(string field) => _messages.ContainsKey(field);

    public string? Of(string field) => _messages.GetValueOrDefault(field);
}
