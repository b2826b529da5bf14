using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Primitives;
using Governance.Web.Hosting;
using Microsoft.Net.Http.Headers;

namespace Governance.Web.Features.PublicRegister;

/// <summary>
/// The version of what the public side shows: it goes up once a save that changes public data is in the database
/// (at the save, or at the commit of the transaction it was made in). Saves of work in progress (reporting cycles and
/// their values, notifications, accounts, the audit log) leave it alone, so a busy office does not empty the cache.
/// One per process; on PostgreSQL each tells the others through <see cref="ChangeSignals"/>, so a save made by one
/// process empties every process's cache within about two seconds.
/// </summary>
public sealed class PublicDataChanges : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Entities the public side never shows: changing them keeps the cached pages.</summary>
    private static readonly string[] InternalNamespaces =
    [
        "Governance.Domain.ReportingCycles", "Governance.Domain.Notifications", "Governance.Domain.Accounts", "Governance.Domain.Auditing",
        "Governance.Domain.Common", "Governance.Domain.Persistence", "Governance.Domain.PublicRegister", "Microsoft.AspNetCore.Identity",
    ];

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];
    private readonly ChangeSignals _signals;
    private long _version;

    public PublicDataChanges(ChangeSignals signals)
    {
        _signals = signals;
        signals.Subscribe(ChangeSignals.PublicData, () => Interlocked.Increment(ref _version));
    }

    public long Version => Interlocked.Read(ref _version);

    /// <summary>Something public changed outside a save the interceptor sees.</summary>
    public void Changed()
    {
        Interlocked.Increment(ref _version);
        _signals.Raise(ChangeSignals.PublicData);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e => e.State is not (EntityState.Unchanged or EntityState.Detached) && IsPublic(e.Metadata.ClrType)))
        {
            _pending.GetOrCreateValue(context).Saving = true;
        }
    }

    private void Saved(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || !pending.Saving)
        {
            return;
        }

        pending.Saving = false;
        if (context.Database.CurrentTransaction is null)
        {
            Changed();
        }
        else
        {
            pending.Committing = true;
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending) && pending.Committing)
        {
            pending.Committing = false;
            Changed();
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private static bool IsPublic(Type type) => !InternalNamespaces.Any(n => type.Namespace?.StartsWith(n, StringComparison.Ordinal) == true);

    private sealed class Pending
    {
        public bool Saving { get; set; }

        public bool Committing { get; set; }
    }
}

/// <summary>
/// Keeps the answers of the public side (the register's pages, downloads, feeds and open data) in memory until public
/// data changes, and answers a repeated request from there: a crowd reading the register does not reach the database,
/// so the people working in the app do not notice it. Every kept answer carries an ETag; a client that has it gets 304.
/// Only anonymous requests (no cookie, no Authorization) for GET or HEAD are kept; a signed-in person always reads live.
/// </summary>
public sealed class PublicResponseCache(RequestDelegate next, PublicDataChanges changes)
{
    /// <summary>At most this much is kept; past it the cache starts again (the register of one municipality is a few megabytes).</summary>
    public const long MaxBytes = 64L << 20;

    private const int MaxBody = 4 << 20;

    private static readonly HashSet<string> Kept = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentType, HeaderNames.ContentDisposition, HeaderNames.ContentLanguage, HeaderNames.ContentSecurityPolicy, HeaderNames.CacheControl,
        HeaderNames.Vary, HeaderNames.Link,
    };

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _bytes;

    /// <summary>
    /// Anonymous reads of the register and the open data; not the regional monitor, which shows handed-in figures (saves of
    /// reporting cycles leave the version alone) and is read live.
    /// </summary>
    public static bool Applies(HttpContext context) =>
        (context.Request.Path.StartsWithSegments("/openbaar") || context.Request.Path.StartsWithSegments("/api/open"))
        && context.Request.Path.Value?.EndsWith("/regio", StringComparison.OrdinalIgnoreCase) != true
        && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && !context.Request.Headers.ContainsKey(HeaderNames.Cookie) && !context.Request.Headers.ContainsKey(HeaderNames.Authorization);

    public async Task InvokeAsync(HttpContext context)
    {
        // Read before the data is: an answer made while something changes is kept under the version before the change.
        var version = changes.Version;
        var key = $"{context.Request.Path}{context.Request.QueryString}|{context.Request.Headers.AcceptLanguage}";
        if (_entries.TryGetValue(key, out var kept) && kept.Version == version)
        {
            await WriteAsync(context, kept);
            return;
        }

        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK && buffer.Length <= MaxBody && IsPageWithoutForm(response, buffer))
        {
            // A server-rendered page always gets an antiforgery cookie and "no-store"; a page of the register without a
            // form to post needs neither, and is the same for everyone.
            response.Headers.Remove(HeaderNames.SetCookie);
            response.Headers.Remove(HeaderNames.Pragma);
            response.Headers.CacheControl = "public, no-cache";
        }

        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie) || buffer.Length > MaxBody)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
            return;
        }

        var body = buffer.ToArray();
        var entry = new Entry(
            version,
            body,
            $"\"{Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16))}\"",
            [.. response.Headers.Where(h => Kept.Contains(h.Key)).Select(h => new KeyValuePair<string, StringValues>(h.Key, h.Value))]);
        Keep(key, entry);
        response.Headers.ETag = entry.ETag;
        if (NotModified(context, entry))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.ContentLength = null;
            return;
        }

        response.ContentLength = body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await original.WriteAsync(body, context.RequestAborted);
        }
    }

    /// <summary>An HTML page whose only cookie is the antiforgery one and that holds no form posting with its token.</summary>
    private static bool IsPageWithoutForm(HttpResponse response, MemoryStream buffer)
    {
        if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) != true
            || !response.Headers.SetCookie.All(c => c?.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal) == true))
        {
            return false;
        }

        var html = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        return !html.Contains("__RequestVerificationToken", StringComparison.Ordinal);
    }

    private void Keep(string key, Entry entry)
    {
        if (Interlocked.Add(ref _bytes, entry.Body.Length) > MaxBytes)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _bytes, entry.Body.Length);
        }

        _entries[key] = entry;
    }

    private static bool NotModified(HttpContext context, Entry entry) =>
        context.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(tag => tag.Trim() == entry.ETag || tag.Trim() == "*"));

    private static async Task WriteAsync(HttpContext context, Entry entry)
    {
        var response = context.Response;
        foreach (var (name, value) in entry.Headers)
        {
            response.Headers[name] = value;
        }

        response.Headers.ETag = entry.ETag;
        if (NotModified(context, entry))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentLength = entry.Body.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(entry.Body, context.RequestAborted);
        }
    }

    private sealed record Entry(long Version, byte[] Body, string ETag, IReadOnlyList<KeyValuePair<string, StringValues>> Headers);
}
