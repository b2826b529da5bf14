using Governance.Domain.Common;

namespace Governance.Web.Hosting;

/// <summary>The one mapping of expected failures to RFC 7807 problem details for the HTTP API.</summary>
public static class ResultProblemDetails
{
    public static IResult ToProblem(this Error error) => error switch
    {
        Invalid invalid => TypedResults.ValidationProblem(
            invalid.Fields.ToDictionary(f => f.Key, f => f.Value),
            title: "De invoer is niet geldig.",
            extensions: Code(invalid)),
        NotFound notFound => TypedResults.Problem(notFound.Message, statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden.", extensions: Code(notFound)),
        Forbidden forbidden => TypedResults.Problem(forbidden.Message, statusCode: StatusCodes.Status403Forbidden, title: "Niet toegestaan.", extensions: Code(forbidden)),
        Conflict conflict => TypedResults.Problem(conflict.Message, statusCode: StatusCodes.Status409Conflict, title: "Gelijktijdige wijziging.", extensions: Code(conflict)),
        _ => TypedResults.Problem(error.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Niet toegestaan door een regel.", extensions: Code(error)),
    };

    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> success) =>
        result.Succeeded ? success(result.Value) : result.Error!.ToProblem();

    public static IResult ToHttp(this Result result) =>
        result.Succeeded ? TypedResults.NoContent() : result.Error!.ToProblem();

    private static Dictionary<string, object?> Code(Error error) => new() { ["code"] = error.Code };
}

/// <summary>Turns a request body that cannot be read (bad JSON, a date that is no date) into a 400 naming the field.</summary>
internal sealed partial class BadRequestProblemHandler(IProblemDetailsService problemDetails) : Microsoft.AspNetCore.Diagnostics.IExceptionHandler
{
    // 'Failed to bind parameter "Nullable<ObligationKind> Kind" from "Foo".' names the parameter after its type.
    [System.Text.RegularExpressions.GeneratedRegex("parameter \"(?:[^\"]*\\s)?(?<name>\\w+)\"")]
    private static partial System.Text.RegularExpressions.Regex BoundParameter();

    // 'JSON deserialization for type 'X' was missing required properties including: 'emailDigest'.'
    [System.Text.RegularExpressions.GeneratedRegex("missing required properties including: '(?<name>[^']+)'")]
    private static partial System.Text.RegularExpressions.Regex MissingProperty();

    private static string Joined(string? path, string name) =>
        path is { Length: > 2 } ? $"{FieldNames.ToJson(path.TrimStart('$', '.'))}.{name}" : name;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var json = bad.InnerException as System.Text.Json.JsonException;
        var parameter = BoundParameter().Match(bad.Message);
        var missing = json is null ? null : MissingProperty().Match(json.Message);
        var field = missing is { Success: true } ? Joined(json!.Path, missing.Groups["name"].Value)
            : json?.Path is { Length: > 2 } path ? FieldNames.ToJson(path.TrimStart('$', '.'))
            : parameter.Success ? FieldNames.ToJson(parameter.Groups["name"].Value)
            : "body";
        var message = json is not null || parameter.Success ? "Deze waarde kan niet worden gelezen of ontbreekt." : bad.Message;
        httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "De invoer is niet geldig.",
            },
        });
    }
}
