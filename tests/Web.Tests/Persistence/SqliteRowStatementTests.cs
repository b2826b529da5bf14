using Governance.Domain.Persistence.Sqlite;
using Microsoft.Data.Sqlite;

namespace Governance.Web.Tests.Persistence;

/// <summary>SQLite's row statements bind each kind of value as EF would store it, the edge cases included.</summary>
public sealed class SqliteRowStatementTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteRowStatementTests()
    {
        _connection.Open();
        using var create = _connection.CreateCommand();
        create.CommandText = "CREATE TABLE \"Rows\" (\"Number\" INTEGER, \"Text\" TEXT)";
        create.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();

    [Theory]
    [InlineData("", "text")]
    [InlineData("kort", "text")]
    [InlineData(null, "null")]
    public void Text_is_stored_as_given_an_empty_string_as_an_empty_string_and_null_as_null(string? text, string storedType)
    {
        Insert(text);

        using var read = _connection.CreateCommand();
        read.CommandText = "SELECT \"Text\", typeof(\"Text\") FROM \"Rows\"";
        using var row = read.ExecuteReader();
        Assert.True(row.Read());
        Assert.Equal((text, storedType), (row.IsDBNull(0) ? null : row.GetString(0), row.GetString(1)));
    }

    [Fact]
    public void A_long_text_is_stored_whole()
    {
        var text = new string('é', 5_000);
        Insert(text);

        using var read = _connection.CreateCommand();
        read.CommandText = "SELECT \"Text\" FROM \"Rows\"";
        Assert.Equal(text, read.ExecuteScalar());
    }

    private void Insert(string? text)
    {
        using var insert = SqliteRowStatement.Insert(_connection, "Rows", ["Number", "Text"]);
        insert.Integer(1, 1);
        insert.Text(2, text);
        insert.Run();
    }
}
