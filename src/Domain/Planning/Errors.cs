using Governance.Domain.Common;

namespace Governance.Domain.Planning;

/// <summary>The planning calendar of a year lacks the council date (1e berap, jaarrekening) a half-yearly report follows.</summary>
public sealed record PlanningDateMissing(int Year, string What)
    : Error("planning_date_missing", $"De planning van {Year} heeft nog geen datum voor de {What}. Vul die in op de P&C-kalender.");

public sealed record DueDateMissing()
    : Error("due_date_missing", "Een eenmalige motie of toezegging heeft een uiterste datum nodig.");

/// <summary>A council date so early that the figures over the period would be due before the period ends.</summary>
public sealed record PlanningDateTooEarly(int Year, string What, string Period)
    : Error("planning_date_too_early", $"De datum van de {What} {Year} is te vroeg: de cijfers over {Period} zouden dan binnen moeten zijn voordat die periode voorbij is.");
