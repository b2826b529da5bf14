using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Governance.Web.Hosting;

/// <summary>
/// Completes the served OpenAPI document so that it declares every answer an operation can give: the success
/// answers come from the endpoints' typed results; this adds the problems (RFC 7807, <c>application/problem+json</c>)
/// that the pipeline and the handlers give, each with a Dutch example: 400 for a field that cannot be read or is not
/// valid, 401 without sign-in or key, 403 for a role or owner that may not, 404 for what is not there or belongs to
/// another municipality, 409 when someone else saved first and 422 when a rule refuses the step. It also names the
/// two ways to authenticate (the sign-in cookie and the <c>X-Api-Key</c> header) and describes the tags.
/// </summary>
internal sealed class ApiResponses : IOpenApiDocumentTransformer
{
    private const string ProblemType = "application/problem+json";
    private const string Problem = "ProblemDetails";
    private const string ValidationProblem = "HttpValidationProblemDetails";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Obligations"] = "Motions and commitments: the register, the cockpit and the committee list.",
        ["Indicators"] = "The indicator catalogue with versioned definitions, baselines and targets.",
        ["ReportingCycles"] = "Reporting cycles: their steps, tasks and the values the data warehouse submits.",
        ["Tasks"] = "Indicator tasks (Mijn taken, Mijn team): values, attachments, assignment and substitutes.",
        ["Import"] = "Import of a cycle's values from CSV or XLSX.",
        ["Letters"] = "Council information letters: composing, editing, approving, sending and the downloads.",
        ["Notifications"] = "Your notifications and how you receive them.",
        ["Administration"] = "Accounts and API keys (beheerder).",
        ["Regions"] = "Cooperations of municipalities and what each shares with them (the regional monitor's figures).",
        ["OpenData"] = "The public register as open data, without sign-in and open to every origin: motions and commitments as ODS Open Raadsinformatie informatieobjecten, their meetings and decisions. Answers carry an ETag; send it back in If-None-Match for a 304.",
    };

    private static readonly (string Status, string Description, string Title, string Detail)[] Problems =
    [
        ("401", "Not signed in, or an unknown or revoked API key.", "Niet aangemeld.", "Meld u aan of stuur een geldige sleutel in de kop X-Api-Key."),
        ("403", "Signed in, but this role or person may not do this.", "Niet toegestaan.", "Alleen de griffie legt moties en toezeggingen vast."),
        ("404", "Not there, or it belongs to another municipality.", "Niet gevonden.", "Obligation niet gevonden."),
        ("409", "Someone else saved first: read again and retry.", "Gelijktijdige wijziging.", "Iemand anders heeft dit intussen opgeslagen. Laad het opnieuw."),
        ("422", "A rule of the workflow refuses this step now.", "Niet toegestaan door een regel.", "Deze rapportage staat op Open: een brief wordt samengesteld als alle waarden binnen zijn."),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Description ??= "The HTTP API of Governance: the same messages, and so the same rules, as the pages. Problems are RFC 7807 problem details in Dutch.";
        document.Servers = [.. (document.Servers ?? []).Select(s => new OpenApiServer { Url = s.Url?.TrimEnd('/'), Description = s.Description })];
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(Problem, ProblemSchema(validation: false));
        document.Components.Schemas.TryAdd(ValidationProblem, ProblemSchema(validation: true));
        AddSecurity(document);

        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                AddProblems(document, path, method, operation);
            }
        }

        document.Tags = new HashSet<OpenApiTag>(
            document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
                .Select(t => t.Name).OfType<string>().Distinct().Order()
                .Select(name => new OpenApiTag { Name = name, Description = TagDescriptions.GetValueOrDefault(name, name) }));
        return Task.CompletedTask;
    }

    private static void AddProblems(OpenApiDocument document, string path, HttpMethod method, OpenApiOperation operation)
    {
        operation.Responses ??= [];
        var reads = method == HttpMethod.Get;
        // Open data needs no sign-in: no security requirement, so no 401 or 403 either.
        var open = path.StartsWith("/api/open/", StringComparison.Ordinal);
        if (open)
        {
            operation.Security = [];
        }

        var takesInput = (operation.Parameters?.Count ?? 0) > 0 || operation.RequestBody is not null;
        if (operation.Responses.TryGetValue("400", out var invalid) && invalid.Content?.TryGetValue(ProblemType, out var declared) == true && declared is OpenApiMediaType media)
        {
            // Declared by a typed validation problem: the schema is there, the example is not.
            media.Example ??= ValidationExample();
        }
        else if (takesInput)
        {
            operation.Responses["400"] = Response(document, "A field cannot be read or is not valid; each is named.", ValidationProblem, ValidationExample());
        }

        foreach (var (status, description, title, detail) in Problems)
        {
            var applies = status switch
            {
                "404" => path.Contains('{', StringComparison.Ordinal),
                "409" or "422" => !reads,
                "401" or "403" => !open,
                _ => true,
            };
            if (applies && !operation.Responses.ContainsKey(status))
            {
                operation.Responses[status] = Response(document, description, Problem, Example(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), title, detail));
            }
        }

        // Problems an endpoint declares itself (413, 415) get an example too.
        foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('4')))
        {
            if (response.Content?.TryGetValue(ProblemType, out var content) == true && content is OpenApiMediaType { Example: null } problem)
            {
                var code = int.Parse(status, System.Globalization.CultureInfo.InvariantCulture);
                problem.Example = Example(code, DutchTitles.For(code), response.Description ?? "");
            }
        }
    }

    private static OpenApiResponse Response(OpenApiDocument document, string description, string schema, JsonNode example) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            [ProblemType] = new() { Schema = new OpenApiSchemaReference(schema, document), Example = example },
        },
    };

    private static JsonObject Example(int status, string title, string detail) => new()
    {
        ["type"] = $"https://tools.ietf.org/html/rfc9110#section-15.{(status >= 500 ? 6 : 5)}.{status % 100 + 1}",
        ["title"] = title,
        ["status"] = status,
        ["detail"] = detail,
    };

    private static JsonObject ValidationExample() => new()
    {
        ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        ["title"] = "De invoer is niet geldig.",
        ["status"] = 400,
        ["errors"] = new JsonObject { ["title"] = new JsonArray("Deze tekst bevat een stuurteken (zoals NUL); haal het weg en probeer het opnieuw.") },
    };

    private static OpenApiSchema ProblemSchema(bool validation)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = validation ? "Problem details naming each field that is not valid (RFC 7807)." : "Problem details (RFC 7807), in Dutch.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["code"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = "The rule or reason, for programs." },
            },
        };
        if (validation)
        {
            schema.Properties["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            };
        }

        return schema;
    }

    private static void AddSecurity(OpenApiDocument document)
    {
        document.Components!.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["cookie"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "governance",
            Description = "The sign-in cookie of a person (sign in at /account/login).",
        };
        document.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.Header,
            Description = "A key the beheerder hands out to a machine client (the data warehouse).",
        };
        document.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("cookie", document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] },
        ];
    }
}

/// <summary>What an endpoint tells the OpenAPI document beyond its typed results.</summary>
internal static class ApiDocumentation
{
    /// <summary>
    /// Documents a body the endpoint reads itself (a file) in the given content types. Unlike <c>Accepts</c>, this
    /// does not make routing refuse other types (a 415 before authorization): the endpoint says what it refuses.
    /// </summary>
    public static RouteHandlerBuilder WithRawBody(this RouteHandlerBuilder endpoint, IReadOnlyList<string> contentTypes) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "The file itself.",
                Content = contentTypes.ToDictionary(type => type, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } }),
            };
            return Task.CompletedTask;
        });
}
