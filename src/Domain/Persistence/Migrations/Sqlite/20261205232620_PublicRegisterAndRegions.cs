using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublicRegisterAndRegions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NationalSource",
                table: "Indicators",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RegionalCode",
                table: "Indicators",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Cooperations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    LeadMunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EachPortfolioHolderApproves = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "CooperationMembers",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CooperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvitedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    JoinedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeftAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PortfolioHolderId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CooperationMembers", x => new { x.CooperationId, x.MunicipalityId });
                    table.ForeignKey(
                        name: "FK_CooperationMembers_Aldermen_PortfolioHolderId",
                        column: x => x.PortfolioHolderId,
                        principalTable: "Aldermen",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
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
                name: "RegionalLetters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CooperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadMunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberList = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 60000, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TextVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ComposedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ComposedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovalsDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SendingDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentBackReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionalLetters", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegionalLetters_Cooperations_CooperationId",
                        column: x => x.CooperationId,
                        principalTable: "Cooperations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegionalLetters_Municipalities_LeadMunicipalityId",
                        column: x => x.LeadMunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegionalShares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CooperationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ObligationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SharedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SharedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "RegionalLetterApprovers",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionalLetterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AldermanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApprovedHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ApprovedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionalLetterApprovers", x => new { x.RegionalLetterId, x.MunicipalityId });
                    table.ForeignKey(
                        name: "FK_RegionalLetterApprovers_Aldermen_AldermanId",
                        column: x => x.AldermanId,
                        principalTable: "Aldermen",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegionalLetterApprovers_RegionalLetters_RegionalLetterId",
                        column: x => x.RegionalLetterId,
                        principalTable: "RegionalLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegionalLetterSendings",
                columns: table => new
                {
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RegionalLetterId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegionalLetterSendings", x => new { x.RegionalLetterId, x.MunicipalityId });
                    table.ForeignKey(
                        name: "FK_RegionalLetterSendings_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegionalLetterSendings_RegionalLetters_RegionalLetterId",
                        column: x => x.RegionalLetterId,
                        principalTable: "RegionalLetters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CooperationMembers_MunicipalityId",
                table: "CooperationMembers",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_CooperationMembers_PortfolioHolderId",
                table: "CooperationMembers",
                column: "PortfolioHolderId");

            migrationBuilder.CreateIndex(
                name: "IX_Cooperations_LeadMunicipalityId",
                table: "Cooperations",
                column: "LeadMunicipalityId");

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

            migrationBuilder.CreateIndex(
                name: "IX_RegionalLetterApprovers_AldermanId",
                table: "RegionalLetterApprovers",
                column: "AldermanId");

            migrationBuilder.CreateIndex(
                name: "IX_RegionalLetters_CooperationId_ComposedAtUtc",
                table: "RegionalLetters",
                columns: new[] { "CooperationId", "ComposedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RegionalLetters_LeadMunicipalityId",
                table: "RegionalLetters",
                column: "LeadMunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_RegionalLetterSendings_MunicipalityId_Reference",
                table: "RegionalLetterSendings",
                columns: new[] { "MunicipalityId", "Reference" },
                unique: true);

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
                name: "PublicSubscriptions");

            migrationBuilder.DropTable(
                name: "RegionalLetterApprovers");

            migrationBuilder.DropTable(
                name: "RegionalLetterSendings");

            migrationBuilder.DropTable(
                name: "RegionalShares");

            migrationBuilder.DropTable(
                name: "RegionalLetters");

            migrationBuilder.DropTable(
                name: "Cooperations");

            migrationBuilder.DropColumn(
                name: "NationalSource",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "RegionalCode",
                table: "Indicators");
        }
    }
}
