using System.Text.RegularExpressions;
using Fluid;
using Governance.Domain.Common;
using Microsoft.Extensions.FileProviders;

namespace Governance.Workflows.Letters;

/// <summary>
/// Renders letter templates (Liquid, with Fluid) in a sandbox: a template sees only the letter model's
/// registered types, cannot include files or other templates, and is held to a <see cref="TemplateBudget"/> of steps,
/// time and output.
/// A broken template is a <see cref="LetterTemplateFailed"/> naming its line, never an exception.
/// </summary>
public static partial class LetterTemplates
{
    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = CreateOptions();
    private static readonly Lazy<string> DefaultText = new(ReadDefault);

    /// <summary>The built-in template, modelled on the Maastricht raadsinformatiebrief.</summary>
    public static string Default => DefaultText.Value;

    /// <summary>Checks a template by parsing it and rendering it against a sample letter.</summary>
    public static Result Check(string text)
    {
        var rendered = Render(text, LetterSamples.Sample);
        return rendered.Succeeded ? Result.Success() : rendered.Error;
    }

    public static Result<string> Render(string text, LetterModel model)
    {
        if (ForbiddenTag().Match(text) is { Success: true } forbidden)
        {
            return new LetterTemplateFailed("een briefsjabloon kan geen andere bestanden of sjablonen invoegen (include, render, layout).", LineOf(text, forbidden.Index));
        }

        if (!Parser.TryParse(text, out var template, out var error))
        {
            var position = Position().Match(error);
            return new LetterTemplateFailed(Translate(error.Split('\n')[0]), position.Success ? int.Parse(position.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : null);
        }

        var unknown = new List<string>();
        var budget = new TemplateBudget();
        var context = new TemplateContext(model, Options, allowModelMembers: true)
        {
            Undefined = name =>
            {
                unknown.Add(name);
                return ValueTask.FromResult<Fluid.Values.FluidValue>(Fluid.Values.NilValue.Instance);
            },
            Assigned = (name, value, _) => budget.Keep(name, value),
            Captured = (name, value, _) => budget.Keep(name, value),
        };
        try
        {
            using var output = new BudgetedWriter(budget);
            // No filter of the letter model is asynchronous: the rendering has finished when this returns.
            TemplateBudget.Bound(template).RenderAsync(output, context, NullEncoder.Default, isolateContext: true).GetAwaiter().GetResult();
            var body = output.ToString().Trim();
            if (unknown.Count > 0)
            {
                return new LetterTemplateFailed($"'{unknown[0]}' bestaat niet in het briefmodel.", null);
            }

            return body.Length > 0 ? body + "\n" : new LetterTemplateFailed("het sjabloon levert geen tekst op; een brief heeft een tekst nodig.", null);
        }
        catch (TemplateBudgetExceeded e)
        {
            return new LetterTemplateFailed(e.Message, null);
        }
        catch (FluidException e)
        {
            return new LetterTemplateFailed(Translate(e.Message), null);
        }
        catch (InvalidOperationException)
        {
            return new LetterTemplateFailed("het sjabloon doet te veel stappen (een te grote of eindeloze lus).", null);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or DivideByZeroException or NullReferenceException or IndexOutOfRangeException)
        {
            // Filters given odd arguments throw these; a user's template never takes the composition down.
            return new LetterTemplateFailed($"een filter of berekening gaat mis ({e.Message}).", null);
        }
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions
        {
            MaxSteps = TemplateBudget.MaxSteps,
            MaxRecursion = 20,
            FileProvider = new NullFileProvider(),
            CultureInfo = LetterFigures.Dutch,
        };
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        options.MemberAccessStrategy.Register<LetterModel>();
        options.MemberAccessStrategy.Register<LetterObligation>();
        options.MemberAccessStrategy.Register<LetterAlderman>();
        options.MemberAccessStrategy.Register<LetterSource>();
        options.MemberAccessStrategy.Register<LetterItem>();
        options.MemberAccessStrategy.Register<LetterCategory>();
        options.MemberAccessStrategy.Register<LetterComparison>();
        options.MemberAccessStrategy.Register<LetterTrajectory>();
        options.MemberAccessStrategy.Register<LetterPoint>();
        options.MemberAccessStrategy.Register<LetterFollowUp>();
        options.MemberAccessStrategy.Register<LetterBudget>();
        options.MemberAccessStrategy.Register<LetterDefinitionChange>();
        options.MemberAccessStrategy.Register<LetterChangedPart>();
        options.MemberAccessStrategy.Register<LetterOrigin>();
        options.MemberAccessStrategy.Register<LetterBenchmark>();
        return options;
    }

    private static string Translate(string message)
    {
        var undefined = Undefined().Match(message);
        if (undefined.Success)
        {
            return $"'{undefined.Groups["name"].Value}' bestaat niet in het briefmodel.";
        }

        var expected = Expected().Match(message);
        if (expected.Success)
        {
            return $"hier werd {expected.Groups["what"].Value} verwacht.";
        }

        var tag = InvalidTag().Match(message);
        return tag.Success
            ? $"de opdracht '{tag.Groups["tag"].Value}' is hier niet goed geschreven (controleer de voorwaarde en of er een {{% end{tag.Groups["tag"].Value} %}} bij hoort)."
            : "het sjabloon is hier niet te lezen; controleer de opdrachten ({% … %}) en waarden ({{ … }}).";
    }

    private static int LineOf(string text, int index) => text[..index].Count(c => c == '\n') + 1;

    private static string ReadDefault()
    {
        using var stream = typeof(LetterTemplates).Assembly.GetManifestResourceStream("Governance.Workflows.Letters.DefaultLetterTemplate.liquid")
            ?? throw new InvalidOperationException("The default letter template is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{%-?\s*(include|render|layout)\b")]
    private static partial Regex ForbiddenTag();

    [GeneratedRegex(@"\((?<line>\d+):(?<column>\d+)\)")]
    private static partial Regex Position();

    [GeneratedRegex(@"Undefined variable '(?<name>[^']+)'")]
    private static partial Regex Undefined();

    [GeneratedRegex(@"^(?<what>.+?) was expected")]
    private static partial Regex Expected();

    [GeneratedRegex(@"Invalid '(?<tag>\w+)' tag")]
    private static partial Regex InvalidTag();
}
