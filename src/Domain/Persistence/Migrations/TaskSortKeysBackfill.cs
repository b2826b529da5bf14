using Microsoft.EntityFrameworkCore.Migrations;

namespace Governance.Domain.Persistence.Migrations;

/// <summary>
/// Fills the copies that the TaskSortKeys migration adds, on both databases alike: each definition's indicator code,
/// each task's obligation reference and indicator code. Runs before the index on them is built.
/// </summary>
internal static class TaskSortKeysBackfill
{
    public static void Apply(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            UPDATE "IndicatorDefinitions" SET "IndicatorCode" =
                (SELECT i."Code" FROM "Indicators" AS i WHERE i."Id" = "IndicatorDefinitions"."IndicatorId");
            """);
        migrationBuilder.Sql("""
            UPDATE "IndicatorTasks" SET
                "ObligationReference" = (SELECT o."Reference" FROM "ReportingCycles" AS c JOIN "Obligations" AS o ON o."Id" = c."ObligationId"
                                         WHERE c."Id" = "IndicatorTasks"."CycleId"),
                "IndicatorCode" = (SELECT i."Code" FROM "Indicators" AS i WHERE i."Id" = "IndicatorTasks"."IndicatorId");
            """);
    }
}
