namespace Governance.Web.Features.Tasks;

/// <summary>Tells the navigation of this circuit that the person's task inbox changed (a value handed in), so its count is fresh.</summary>
public sealed class TaskInbox
{
    public event Action? OnChanged;

    public void Changed() => OnChanged?.Invoke();
}
