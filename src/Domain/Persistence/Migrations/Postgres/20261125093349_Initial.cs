using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Approval_Aldermen_AldermanId",
                table: "Approval");

            migrationBuilder.DropForeignKey(
                name: "FK_Approval_CouncilLetters_LetterId",
                table: "Approval");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Approval",
                table: "Approval");

            migrationBuilder.RenameTable(
                name: "Approval",
                newName: "Approvals");

            migrationBuilder.RenameIndex(
                name: "IX_Approval_LetterId",
                table: "Approvals",
                newName: "IX_Approvals_LetterId");

            migrationBuilder.RenameIndex(
                name: "IX_Approval_AldermanId",
                table: "Approvals",
                newName: "IX_Approvals_AldermanId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Approvals",
                table: "Approvals",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_Approvals_Aldermen_AldermanId",
                table: "Approvals",
                column: "AldermanId",
                principalTable: "Aldermen",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Approvals_CouncilLetters_LetterId",
                table: "Approvals",
                column: "LetterId",
                principalTable: "CouncilLetters",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Approvals_Aldermen_AldermanId",
                table: "Approvals");

            migrationBuilder.DropForeignKey(
                name: "FK_Approvals_CouncilLetters_LetterId",
                table: "Approvals");

            migrationBuilder.DropPrimaryKey(
                name: "PK_Approvals",
                table: "Approvals");

            migrationBuilder.RenameTable(
                name: "Approvals",
                newName: "Approval");

            migrationBuilder.RenameIndex(
                name: "IX_Approvals_LetterId",
                table: "Approval",
                newName: "IX_Approval_LetterId");

            migrationBuilder.RenameIndex(
                name: "IX_Approvals_AldermanId",
                table: "Approval",
                newName: "IX_Approval_AldermanId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_Approval",
                table: "Approval",
                column: "Id");

            migrationBuilder.AddForeignKey(
                name: "FK_Approval_Aldermen_AldermanId",
                table: "Approval",
                column: "AldermanId",
                principalTable: "Aldermen",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Approval_CouncilLetters_LetterId",
                table: "Approval",
                column: "LetterId",
                principalTable: "CouncilLetters",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
