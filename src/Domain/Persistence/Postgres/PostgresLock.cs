using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Governance.Domain.Persistence.Postgres;

/// <summary>
/// A session advisory lock on a connection of its own, kept out of the pool so that closing it always releases the
/// lock. The server drops a session whose client is gone: at once when the process dies (its socket closes; the
/// session is idle, waiting for its client), and within about half a minute when the machine does (the keepalives set here).
/// </summary>
internal static class PostgresLock
{
    public static Func<HeldLock?> Attempt(string connectionString, string name)
    {
        var key = KeyOf(name);
        var own = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Enlist = false }.ConnectionString;
        return () =>
        {
            var connection = new NpgsqlConnection(own);
            try
            {
                connection.Open();
                using var command = new NpgsqlCommand(
                    "SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 4; SELECT pg_try_advisory_lock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                if (command.ExecuteScalar() is true)
                {
                    return new HeldLock(connection);
                }
            }
            catch
            {
                connection.Dispose();
                throw;
            }

            connection.Dispose();
            return null;
        };
    }

    /// <summary>The same 64-bit key for a name in every process.</summary>
    internal static long KeyOf(string name) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("governance:" + name)));
}
