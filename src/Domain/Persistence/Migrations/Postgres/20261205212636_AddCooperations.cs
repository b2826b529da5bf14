using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddCooperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Cooperations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    LeadMunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    EachPortfolioHolderApproves = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cooperations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cooperations_Municipalities_LeadMunicipalityId",
                        column: x => x.LeadMunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CooperationMembers",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    CooperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    InvitedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    JoinedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LeftAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CooperationMembers", x => new { x.CooperationId, x.MunicipalityId });
                    table.ForeignKey(
                        name: "FK_CooperationMembers_Cooperations_CooperationId",
                        column: x => x.CooperationId,
                        principalTable: "Cooperations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CooperationMembers_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegionalShares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    CooperationId = table.Column<Guid>(type: "uuid", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "uuid", nullable: true),
                    ObligationId = table.Column<Guid>(type: "uuid", nullable: true),
                    SharedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SharedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionalShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegionalShares_Cooperations_CooperationId",
                        column: x => x.CooperationId,
                        principalTable: "Cooperations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegionalShares_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegionalShares_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegionalShares_Obligations_ObligationId",
                        column: x => x.ObligationId,
                        principalTable: "Obligations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CooperationMembers_MunicipalityId",
                table: "CooperationMembers",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_Cooperations_LeadMunicipalityId",
                table: "Cooperations",
                column: "LeadMunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_RegionalShares_CooperationId_RevokedAtUtc",
                table: "RegionalShares",
                columns: new[] { "CooperationId", "RevokedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RegionalShares_IndicatorId",
                table: "RegionalShares",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_RegionalShares_MunicipalityId_CooperationId",
                table: "RegionalShares",
                columns: new[] { "MunicipalityId", "CooperationId" });

            migrationBuilder.CreateIndex(
                name: "IX_RegionalShares_ObligationId",
                table: "RegionalShares",
                column: "ObligationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CooperationMembers");

            migrationBuilder.DropTable(
                name: "RegionalShares");

            migrationBuilder.DropTable(
                name: "Cooperations");
        }
    }
}
