namespace Governance.Workflows;

/// <summary>Marker for the Workflows assembly (mediator registration, architecture tests).</summary>
public static class WorkflowsAssembly;
