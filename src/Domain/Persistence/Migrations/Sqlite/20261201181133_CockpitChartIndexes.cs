using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CockpitChartIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Obligations_MunicipalityId_AdoptedOn",
                table: "Obligations",
                columns: new[] { "MunicipalityId", "AdoptedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ObligationHistory_To",
                table: "ObligationHistory",
                column: "To");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Obligations_MunicipalityId_AdoptedOn",
                table: "Obligations");

            migrationBuilder.DropIndex(
                name: "IX_ObligationHistory_To",
                table: "ObligationHistory");
        }
    }
}
