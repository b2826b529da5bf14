using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ValuesOutstandingOnCycles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OutstandingValues",
                table: "ReportingCycles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "RequiredValues",
                table: "ReportingCycles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // The counts of the cycles already there, from their tasks (submitted or not available is done).
            migrationBuilder.Sql("""
                UPDATE "ReportingCycles" SET
                    "RequiredValues" = (SELECT COUNT(*) FROM "IndicatorTasks" t WHERE t."CycleId" = "ReportingCycles"."Id"),
                    "OutstandingValues" = (SELECT COUNT(*) FROM "IndicatorTasks" t WHERE t."CycleId" = "ReportingCycles"."Id" AND t."Status" NOT IN ('Submitted', 'NotAvailable'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OutstandingValues",
                table: "ReportingCycles");

            migrationBuilder.DropColumn(
                name: "RequiredValues",
                table: "ReportingCycles");
        }
    }
}
