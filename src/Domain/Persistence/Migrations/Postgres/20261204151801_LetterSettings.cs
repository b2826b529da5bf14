using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LetterSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LetterEmail",
                table: "Teams",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LetterHandledBy",
                table: "Teams",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LetterPhone",
                table: "Teams",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LetterLinks",
                table: "Municipalities",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "LetterLogo",
                table: "Municipalities",
                type: "bytea",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LetterLogoType",
                table: "Municipalities",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "TrendPointsEqual",
                table: "Municipalities",
                type: "numeric(9,3)",
                precision: 9,
                scale: 3,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "TrendPointsSlight",
                table: "Municipalities",
                type: "numeric(9,3)",
                precision: 9,
                scale: 3,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "TrendPointsStrong",
                table: "Municipalities",
                type: "numeric(9,3)",
                precision: 9,
                scale: 3,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "TrendRelativeEqual",
                table: "Municipalities",
                type: "numeric(9,3)",
                precision: 9,
                scale: 3,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "TrendRelativeSlight",
                table: "Municipalities",
                type: "numeric(9,3)",
                precision: 9,
                scale: 3,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "TrendRelativeStrong",
                table: "Municipalities",
                type: "numeric(9,3)",
                precision: 9,
                scale: 3,
                nullable: false,
                defaultValue: 0m);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LetterEmail",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "LetterHandledBy",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "LetterPhone",
                table: "Teams");

            migrationBuilder.DropColumn(
                name: "LetterLinks",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "LetterLogo",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "LetterLogoType",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "TrendPointsEqual",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "TrendPointsSlight",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "TrendPointsStrong",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "TrendRelativeEqual",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "TrendRelativeSlight",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "TrendRelativeStrong",
                table: "Municipalities");
        }
    }
}
