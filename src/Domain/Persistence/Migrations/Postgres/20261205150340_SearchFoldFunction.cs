using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Governance.Domain.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchFoldFunction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Search without accents and case (SearchText.Folded): the same letters as SearchText.Accented and Plain.
            migrationBuilder.Sql("CREATE OR REPLACE FUNCTION gov_fold(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$ SELECT lower(translate($1, 'ÀÁÂÃÄÅàáâãäåĀāĂăĄąÈÉÊËèéêëĒēĖėĘęĚěÌÍÎÏìíîïĪīÒÓÔÕÖØòóôõöøŌōÙÚÛÜùúûüŪūŮůÝýÿÇçĆćČčÑñŃńŠšŚśŽžŹźŻżŁł', 'aaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiiiiiiiioooooooooooooouuuuuuuuuuuuyyyccccccnnnnsssszzzzzzll')) $$;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS gov_fold(text);");
        }
    }
}
