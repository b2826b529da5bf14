using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddPublicSubscriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PublicSubscriptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    ObligationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Committee = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicSubscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicSubscriptions_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PublicSubscriptions_Obligations_ObligationId",
                        column: x => x.ObligationId,
                        principalTable: "Obligations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PublicSubscriptions_CreatedAtUtc",
                table: "PublicSubscriptions",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_PublicSubscriptions_MunicipalityId_Committee_Email",
                table: "PublicSubscriptions",
                columns: new[] { "MunicipalityId", "Committee", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicSubscriptions_ObligationId_Email",
                table: "PublicSubscriptions",
                columns: new[] { "ObligationId", "Email" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PublicSubscriptions");
        }
    }
}
