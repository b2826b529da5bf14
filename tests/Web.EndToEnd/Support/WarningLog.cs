using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Governance.Web.EndToEnd.Support;

/// <summary>
/// The warnings and errors the app under test logged, kept so that a failing journey can say what the app saw go wrong
/// (a notification not written, a job that failed) instead of only what the browser did not find.
/// </summary>
public sealed class WarningLog : ILoggerProvider
{
    private const int Kept = 200;
    private readonly ConcurrentQueue<string> _lines = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>The logged warnings and errors, oldest first, or a line saying there were none.</summary>
    public string Describe() => _lines.IsEmpty ? "The app logged no warnings or errors." : "The app logged:\n" + string.Join('\n', _lines);

    private void Add(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > Kept && _lines.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(WarningLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}" + (exception is null ? "" : $"\n  {exception.GetType().Name}: {exception.Message}"));
            }
        }
    }
}
