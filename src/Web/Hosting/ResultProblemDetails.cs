using Governance.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Conflict = Governance.Domain.Common.Conflict;
using NotFound = Governance.Domain.Common.NotFound;

namespace Governance.Web.Hosting;

/// <summary>The one mapping of expected failures to RFC 7807 problem details for the HTTP API.</summary>
public static class ResultProblemDetails
{
    public static IResult ToProblem(this Error error) => error is Invalid invalid ? Validation(invalid) : Problem(error);

    /// <summary>
    /// The answer to a result: the success answer (typed, so the OpenAPI document shows its status and body) or the
    /// problem. The problems' other statuses (401, 403, 404, 409, 422) are declared by <see cref="ApiResponses"/>.
    /// </summary>
    public static Results<TSuccess, ValidationProblem, ProblemHttpResult> ToHttp<T, TSuccess>(this Result<T> result, Func<T, TSuccess> success)
        where TSuccess : IResult =>
        result.Succeeded ? success(result.Value) : result.Error is Invalid invalid ? Validation(invalid) : Problem(result.Error);

    public static Results<NoContent, ValidationProblem, ProblemHttpResult> ToHttp(this Result result) =>
        result.Succeeded ? TypedResults.NoContent() : result.Error is Invalid invalid ? Validation(invalid) : Problem(result.Error);

    /// <summary>A validation problem (400) naming each field that is not valid.</summary>
    private static ValidationProblem Validation(Invalid invalid) =>
        TypedResults.ValidationProblem(invalid.Fields.ToDictionary(f => f.Key, f => f.Value), title: "De invoer is niet geldig.", extensions: Code(invalid));

    /// <summary>Any other problem, with the status its kind of error means.</summary>
    private static ProblemHttpResult Problem(Error error) => error switch
    {
        NotFound notFound => TypedResults.Problem(notFound.Message, statusCode: StatusCodes.Status404NotFound, title: "Niet gevonden.", extensions: Code(notFound)),
        Forbidden forbidden => TypedResults.Problem(forbidden.Message, statusCode: StatusCodes.Status403Forbidden, title: "Niet toegestaan.", extensions: Code(forbidden)),
        Conflict conflict => TypedResults.Problem(conflict.Message, statusCode: StatusCodes.Status409Conflict, title: "Gelijktijdige wijziging.", extensions: Code(conflict)),
        _ => TypedResults.Problem(error.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Niet toegestaan door een regel.", extensions: Code(error)),
    };

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

/// <summary>The framework's own problems (401 and 403 from the sign-in, 404 for a route, 415, 413) get a Dutch title like every other.</summary>
internal static class DutchTitles
{
    private static readonly Dictionary<int, string> Titles = new()
    {
        [StatusCodes.Status400BadRequest] = "De invoer is niet geldig.",
        [StatusCodes.Status401Unauthorized] = "Niet aangemeld.",
        [StatusCodes.Status403Forbidden] = "Niet toegestaan.",
        [StatusCodes.Status404NotFound] = "Niet gevonden.",
        [StatusCodes.Status405MethodNotAllowed] = "Deze methode kan hier niet.",
        [StatusCodes.Status409Conflict] = "Gelijktijdige wijziging.",
        [StatusCodes.Status413PayloadTooLarge] = "Te groot.",
        [StatusCodes.Status415UnsupportedMediaType] = "Onbekend bestandstype.",
        [StatusCodes.Status500InternalServerError] = "Er ging iets mis aan onze kant.",
    };

    public static string For(int status) =>
        Titles.TryGetValue(status, out var dutch) ? dutch : Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    public static void Apply(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        // A title of the framework is the English reason phrase of its status; our own titles are Dutch already.
        if (problem.Status is { } status && Titles.TryGetValue(status, out var dutch)
            && (problem.Title is null || problem.Title == Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)))
        {
            problem.Title = dutch;
        }
    }
}
