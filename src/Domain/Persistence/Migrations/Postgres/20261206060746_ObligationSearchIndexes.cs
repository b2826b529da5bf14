using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Domain.Persistence.Migrations.Postgres
{
    /// <summary>
    /// The obligations list searches title, text and reference for a part of a word, accents and case folded
    /// (<c>gov_fold(column) LIKE '%term%'</c>). Without an index PostgreSQL folds every obligation of the municipality
    /// on each search (half a second at 10,000); trigram indexes on the folded columns (pg_trgm, a trusted extension
    /// that ships with PostgreSQL) answer it in milliseconds. SQLite has no such index; its folding is in-process and fast.
    /// </summary>
    public partial class ObligationSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            foreach (var column in new[] { "Title", "Text", "Reference" })
            {
                migrationBuilder.Sql($"CREATE INDEX \"IX_Obligations_Search_{column}\" ON \"Obligations\" USING gin (gov_fold(\"{column}\") gin_trgm_ops);");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var column in new[] { "Title", "Text", "Reference" })
            {
                migrationBuilder.Sql($"DROP INDEX IF EXISTS \"IX_Obligations_Search_{column}\";");
            }
        }
    }
}
