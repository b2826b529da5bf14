using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TeamTasksWithTheirCycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorTasks_TeamId_Status_DueDate",
                table: "IndicatorTasks");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTasks_TeamId_Status_DueDate_CycleId",
                table: "IndicatorTasks",
                columns: new[] { "TeamId", "Status", "DueDate", "CycleId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorTasks_TeamId_Status_DueDate_CycleId",
                table: "IndicatorTasks");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTasks_TeamId_Status_DueDate",
                table: "IndicatorTasks",
                columns: new[] { "TeamId", "Status", "DueDate" });
        }
    }
}
