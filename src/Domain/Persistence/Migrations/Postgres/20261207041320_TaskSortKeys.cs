using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TaskSortKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IndicatorCode",
                table: "IndicatorTasks",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ObligationReference",
                table: "IndicatorTasks",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IndicatorCode",
                table: "IndicatorDefinitions",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            TaskSortKeysBackfill.Apply(migrationBuilder);

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTasks_Waiting_InListOrder",
                table: "IndicatorTasks",
                columns: new[] { "TeamId", "DueDate", "ObligationReference", "IndicatorCode", "Id", "CycleId" },
                filter: "\"Status\" IN ('Open', 'DraftSaved', 'Returned')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorTasks_Waiting_InListOrder",
                table: "IndicatorTasks");

            migrationBuilder.DropColumn(
                name: "IndicatorCode",
                table: "IndicatorTasks");

            migrationBuilder.DropColumn(
                name: "ObligationReference",
                table: "IndicatorTasks");

            migrationBuilder.DropColumn(
                name: "IndicatorCode",
                table: "IndicatorDefinitions");
        }
    }
}
