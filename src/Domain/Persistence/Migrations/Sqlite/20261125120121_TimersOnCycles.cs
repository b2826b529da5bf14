using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TimersOnCycles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NextTimer",
                table: "ReportingCycles",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "Done");

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextTimerOn",
                table: "ReportingCycles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportingCycles_NextTimerOn",
                table: "ReportingCycles",
                column: "NextTimerOn");

            // Carry each cycle's earliest pending task timer over to the cycle.
            migrationBuilder.Sql(
                """
                UPDATE "ReportingCycles" SET
                    "NextTimerOn" = (SELECT MIN(t."NextTimerOn") FROM "IndicatorTasks" t WHERE t."CycleId" = "ReportingCycles"."Id"),
                    "NextTimer" = COALESCE((SELECT t."NextTimer" FROM "IndicatorTasks" t
                        WHERE t."CycleId" = "ReportingCycles"."Id" AND t."NextTimerOn" IS NOT NULL ORDER BY t."NextTimerOn" LIMIT 1), 'Done');
                """);

            migrationBuilder.DropIndex(
                name: "IX_IndicatorTasks_NextTimerOn",
                table: "IndicatorTasks");

            migrationBuilder.DropColumn(
                name: "NextTimer",
                table: "IndicatorTasks");

            migrationBuilder.DropColumn(
                name: "NextTimerOn",
                table: "IndicatorTasks");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportingCycles_NextTimerOn",
                table: "ReportingCycles");

            migrationBuilder.DropColumn(
                name: "NextTimer",
                table: "ReportingCycles");

            migrationBuilder.DropColumn(
                name: "NextTimerOn",
                table: "ReportingCycles");

            migrationBuilder.AddColumn<string>(
                name: "NextTimer",
                table: "IndicatorTasks",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "Done");

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextTimerOn",
                table: "IndicatorTasks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTasks_NextTimerOn",
                table: "IndicatorTasks",
                column: "NextTimerOn");
        }
    }
}
