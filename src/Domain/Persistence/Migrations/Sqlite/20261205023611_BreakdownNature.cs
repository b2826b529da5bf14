using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Domain.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Nature",
                table: "IndicatorDefinitions",
                type: "TEXT",
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
