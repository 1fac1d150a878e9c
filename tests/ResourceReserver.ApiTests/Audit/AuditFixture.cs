using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ResourceReserver.ApiTests.Fixtures;

namespace ResourceReserver.ApiTests.Audit;

/// <summary>
/// A host of its own for the audit tests: a real Kestrel server (so requests have a client address), every log line
/// it writes at Information and above captured (to search for secrets), and a 30-day retention.
/// </summary>
public sealed class AuditFixture : ApiFixture
{
    public const string UserAgent = "audit-tests/1.0 (+xunit)";
    public const int RetentionDays = 30;

    /// <summary>A host capturing its logs.</summary>
    public AuditFixture()
        : this(new LogCapture())
    {
    }

    private AuditFixture(LogCapture logs)
        : base(Create(logs)) => Logs = logs;

    /// <summary>Everything the host logged.</summary>
    public LogCapture Logs { get; }

    /// <summary>A client of the real server sending <see cref="UserAgent"/>.</summary>
    public HttpClient Client()
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
        return client;
    }

    private static ReserverApiFactory Create(LogCapture logs)
    {
        var factory = new ReserverApiFactory(
            new Dictionary<string, string>
            {
                ["Logging:LogLevel:Default"] = "Information",
                ["Audit:RetentionDays"] = RetentionDays.ToString(),
            },
            builder => builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(logs)));
        factory.UseKestrel(0);
        return factory;
    }
}

/// <summary>Keeps every formatted log line (with exception text) a host writes.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    /// <summary>The lines so far.</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The state's values too (structured properties a sink would store), not only the rendered message.
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {values} {exception}");
        }
    }
}

/// <summary>The audit tests share one host of their own.</summary>
[CollectionDefinition(Name)]
public sealed class AuditCollection : ICollectionFixture<AuditFixture>
{
    public const string Name = "audit";
}
