using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlanningCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "Budget",
                table: "PlanningYears",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<List<DateOnly>>(
                name: "ClosedDays",
                table: "PlanningYears",
                type: "date[]",
                nullable: false);

            migrationBuilder.AddColumn<string[]>(
                name: "Holidays",
                table: "PlanningYears",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SpringMemorandum",
                table: "PlanningYears",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PlanningCommitteeMeetings",
                columns: table => new
                {
                    CommitteeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    PlanningYearId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanningCommitteeMeetings", x => new { x.PlanningYearId, x.CommitteeId, x.Date });
                    table.ForeignKey(
                        name: "FK_PlanningCommitteeMeetings_Committees_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Committees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanningCommitteeMeetings_PlanningYears_PlanningYearId",
                        column: x => x.PlanningYearId,
                        principalTable: "PlanningYears",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanningCommitteeMeetings_CommitteeId",
                table: "PlanningCommitteeMeetings",
                column: "CommitteeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanningCommitteeMeetings");

            migrationBuilder.DropColumn(
                name: "Budget",
                table: "PlanningYears");

            migrationBuilder.DropColumn(
                name: "ClosedDays",
                table: "PlanningYears");

            migrationBuilder.DropColumn(
                name: "Holidays",
                table: "PlanningYears");

            migrationBuilder.DropColumn(
                name: "SpringMemorandum",
                table: "PlanningYears");
        }
    }
}
