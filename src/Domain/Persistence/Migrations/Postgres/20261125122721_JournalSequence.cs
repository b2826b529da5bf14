using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class JournalSequence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportingCycleJournal_CycleId",
                table: "ReportingCycleJournal");

            migrationBuilder.DropIndex(
                name: "IX_ObligationHistory_ObligationId",
                table: "ObligationHistory");

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "ReportingCycleJournal",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "ObligationHistory",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Number the lines already there in the order they were written.
            migrationBuilder.Sql(
                """
                UPDATE "ReportingCycleJournal" SET "Sequence" =
                    (SELECT COUNT(*) FROM "ReportingCycleJournal" j WHERE j."CycleId" = "ReportingCycleJournal"."CycleId" AND j."Id" <= "ReportingCycleJournal"."Id");
                UPDATE "ObligationHistory" SET "Sequence" =
                    (SELECT COUNT(*) FROM "ObligationHistory" h WHERE h."ObligationId" = "ObligationHistory"."ObligationId" AND h."Id" <= "ObligationHistory"."Id");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ReportingCycleJournal_CycleId_Sequence",
                table: "ReportingCycleJournal",
                columns: new[] { "CycleId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ObligationHistory_ObligationId_Sequence",
                table: "ObligationHistory",
                columns: new[] { "ObligationId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReportingCycleJournal_CycleId_Sequence",
                table: "ReportingCycleJournal");

            migrationBuilder.DropIndex(
                name: "IX_ObligationHistory_ObligationId_Sequence",
                table: "ObligationHistory");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "ReportingCycleJournal");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "ObligationHistory");

            migrationBuilder.CreateIndex(
                name: "IX_ReportingCycleJournal_CycleId",
                table: "ReportingCycleJournal",
                column: "CycleId");

            migrationBuilder.CreateIndex(
                name: "IX_ObligationHistory_ObligationId",
                table: "ObligationHistory",
                column: "ObligationId");
        }
    }
}
