using Governance.Domain.Common;

namespace Governance.Domain.Planning;

public sealed record PlanningDateMissing(int Year, string What)
    : Error("planning_date_missing", $"The planning calendar of {Year} has no date for the {What}.");

public sealed record DueDateMissing()
    : Error("due_date_missing", "A one-off obligation needs a due date.");

public sealed record PlanningDateTooEarly(int Year, string What, string Period)
    : Error("planning_date_too_early", $"The {What} of {Year} is too early: the figures over {Period} would be due before the period ends.");
