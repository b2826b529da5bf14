using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IndicatorBenchmarkAndCaveat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Benchmark",
                table: "IndicatorDefinitions",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Caveat",
                table: "IndicatorDefinitions",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Benchmark",
                table: "IndicatorDefinitions");

            migrationBuilder.DropColumn(
                name: "Caveat",
                table: "IndicatorDefinitions");
        }
    }
}
