using System.Buffers;
using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;

namespace Governance.Web.Hosting;

/// <summary>
/// What no field of any message accepts, whatever its validator says: text with a control character (NUL and the
/// other C0 characters except tab, carriage return and line feed, and DEL: they cannot be typed, break the XML of
/// a Word document and hide text from people who read it) and a date before 1900 or after 2100 (a typing error,
/// never a council's date). Looks through the message's properties, lists, and nested records and lists of
/// them, naming each field as it appears in JSON.
/// </summary>
public static class InputHygiene
{
    public const string ControlCharacterMessage = "Deze tekst bevat een stuurteken (zoals NUL); haal het weg en probeer het opnieuw.";
    public const int FirstYear = 1900;
    public const int LastYear = 2100;
    public static readonly string DateMessage = $"Kies een datum tussen {FirstYear} en {LastYear}.";

    public const string ChoiceMessage = "Deze waarde staat niet in de lijst van mogelijke waarden.";

    private const int MaxDepth = 6;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    private static readonly SearchValues<char> Refused = SearchValues.Create(
        [.. Enumerable.Range(0, 32).Select(c => (char)c).Where(c => c is not ('\t' or '\r' or '\n')), '\u007f']);

    public static bool HasControlCharacter(string? text) => text is not null && text.AsSpan().ContainsAny(Refused);

    public static bool IsSaneYear(int year) => year is >= FirstYear and <= LastYear;

    /// <summary>
    /// The same rules for the query string of API requests (search words, filter dates), which reach queries rather
    /// than commands: a 400 naming each parameter, before any handler runs.
    /// </summary>
    public static IApplicationBuilder UseQueryHygiene(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.Request.Path.StartsWithSegments("/api") || context.Request.Query.Count == 0)
        {
            await next(context);
            return;
        }

        var problems = new Dictionary<string, string[]>();
        foreach (var (name, values) in context.Request.Query)
        {
            if (values.Any(HasControlCharacter))
            {
                problems[FieldNames.ToJson(name)] = [ControlCharacterMessage];
            }
            else if (values.Any(v => DateOnly.TryParseExact(v, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) && !IsSaneYear(date.Year)))
            {
                problems[FieldNames.ToJson(name)] = [DateMessage];
            }
        }

        if (problems.Count == 0)
        {
            await next(context);
            return;
        }

        await TypedResults.ValidationProblem(problems, title: "De invoer is niet geldig.").ExecuteAsync(context);
    });

    /// <summary>The fields of <paramref name="message"/> (JSON names) that hold what no field accepts, each with its message.</summary>
    public static IReadOnlyList<(string Field, string Message)> ProblemsIn(object message)
    {
        var problems = new List<(string, string)>();
        Visit(message, "", problems, 0);
        return problems;
    }

    private static void Visit(object? value, string path, List<(string, string)> problems, int depth)
    {
        var field = path.Length == 0 ? "body" : path;
        switch (value)
        {
            case null:
                return;
            case string text:
                if (HasControlCharacter(text))
                {
                    problems.Add((field, ControlCharacterMessage));
                }

                return;
            case DateOnly date when !IsSaneYear(date.Year):
            case DateTime moment when !IsSaneYear(moment.Year):
            case DateTimeOffset instant when !IsSaneYear(instant.Year):
                problems.Add((field, DateMessage));
                return;
            case Enum choice when !Enum.IsDefined(choice.GetType(), choice) && !choice.GetType().IsDefined(typeof(FlagsAttribute), false):
                // A number sent for a choice (kind=-1) binds without complaint; no handler expects a value outside the list.
                problems.Add((field, ChoiceMessage));
                return;
            case IEnumerable items when depth < MaxDepth && value is not IDictionary:
                var index = 0;
                foreach (var item in items)
                {
                    Visit(item, $"{path}[{index++}]", problems, depth + 1);
                }

                return;
        }

        var type = value.GetType();
        if (depth >= MaxDepth || type.IsPrimitive || type.IsEnum || !(type.Namespace?.StartsWith("Governance.", StringComparison.Ordinal) ?? false))
        {
            return;
        }

        foreach (var property in Properties.GetOrAdd(type, Readable))
        {
            var name = FieldNames.ToJson(property.Name);
            Visit(property.GetValue(value), path.Length == 0 ? name : $"{path}.{name}", problems, depth + 1);
        }
    }

    /// <summary>What can hold text, a date or a choice: properties of those types, a list, or another of the project's types (records, not streams).</summary>
    private static PropertyInfo[] Readable(Type type) =>
    [
        .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead && p.Name != "EqualityContract")
            .Where(p => p.PropertyType == typeof(string) || IsDate(Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType)
                || (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType).IsEnum
                || (typeof(IEnumerable).IsAssignableFrom(p.PropertyType) && !typeof(Stream).IsAssignableFrom(p.PropertyType) && p.PropertyType != typeof(byte[]))
                || (p.PropertyType.Namespace?.StartsWith("Governance.", StringComparison.Ordinal) ?? false) && !p.PropertyType.IsEnum && !p.PropertyType.IsValueType),
    ];

    private static bool IsDate(Type type) => type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset);
}
