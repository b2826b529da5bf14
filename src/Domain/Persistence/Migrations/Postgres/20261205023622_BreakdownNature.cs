using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BreakdownNature : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "InMillions",
                table: "IndicatorDefinitions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Nature",
                table: "IndicatorDefinitions",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "Separate");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InMillions",
                table: "IndicatorDefinitions");

            migrationBuilder.DropColumn(
                name: "Nature",
                table: "IndicatorDefinitions");
        }
    }
}
