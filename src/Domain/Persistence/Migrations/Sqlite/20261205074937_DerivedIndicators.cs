using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DerivedIndicators : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Formula",
                table: "IndicatorDefinitions",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Formula",
                table: "IndicatorDefinitions");
        }
    }
}
