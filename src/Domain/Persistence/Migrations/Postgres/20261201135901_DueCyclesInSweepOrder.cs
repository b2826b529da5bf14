using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DueCyclesInSweepOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportingCycles_NextTimerOn",
                table: "ReportingCycles");

            migrationBuilder.CreateIndex(
                name: "IX_ReportingCycles_NextTimerOn_Id",
                table: "ReportingCycles",
                columns: new[] { "NextTimerOn", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportingCycles_NextTimerOn_Id",
                table: "ReportingCycles");

            migrationBuilder.CreateIndex(
                name: "IX_ReportingCycles_NextTimerOn",
                table: "ReportingCycles",
                column: "NextTimerOn");
        }
    }
}
