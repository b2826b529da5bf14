using System.Diagnostics;
using Fluid;
using Fluid.Ast;
using Fluid.Values;
using Governance.Domain.Letters;

namespace Governance.Workflows.Letters;

/// <summary>
/// What one rendering of a letter template may spend: time, output and the size of what it builds on the way.
/// Fluid's own step limit counts statements, but a range such as <c>(1..100000000)</c> is turned into a list
/// before its first step and a doubling <c>append</c> grows a string without taking steps; so the budget bounds
/// the ranges, every assigned or captured value and the output, and checks the clock at each of them. Together
/// with the step limit this holds any template to about a second and a few megabytes.
/// </summary>
internal sealed class TemplateBudget
{
    public const int MaxSteps = 200_000;
    public const int MaxOutput = LetterContent.BodyMaxLength - 1; // the body ends with a newline
    public const int MaxRange = 10_000;
    public const int MaxItems = 10_000;
    public static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(1);

    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void CheckTime()
    {
        if (_clock.Elapsed > MaxTime)
        {
            throw new TemplateBudgetExceeded($"het sjabloon doet er langer dan {MaxTime.TotalSeconds:0} seconde over.");
        }
    }

    /// <summary>Bounds a value a template keeps (assign, capture): a string no longer than the output may be, a list no longer than a range.</summary>
    public ValueTask<FluidValue> Keep(string name, FluidValue value)
    {
        CheckTime();
        switch (value)
        {
            case StringValue text when text.ToStringValue().Length > MaxOutput:
                throw new TemplateBudgetExceeded(string.Create(LetterFigures.Dutch, $"'{name}' wordt langer dan {MaxOutput:N0} tekens."));
            case ArrayValue list when list.Values.Count > MaxItems:
                throw new TemplateBudgetExceeded(string.Create(LetterFigures.Dutch, $"'{name}' krijgt meer dan {MaxItems:N0} elementen."));
            default:
                return ValueTask.FromResult(value);
        }
    }

    public void Write(int length, int written)
    {
        CheckTime();
        if ((long)written + length > MaxOutput)
        {
            throw new TemplateBudgetExceeded(string.Create(LetterFigures.Dutch, $"de brief wordt langer dan {MaxOutput:N0} tekens."));
        }
    }

    /// <summary>A parsed template whose ranges are bounded: each <c>(a..b)</c> becomes a <see cref="BoundedRange"/>.</summary>
    public static IFluidTemplate Bound(IFluidTemplate template) => new RangeRewriter().VisitTemplate(template);

    private sealed class RangeRewriter : AstRewriter
    {
        protected override Expression VisitRangeExpression(RangeExpression rangeExpression) =>
            new BoundedRange(Visit(rangeExpression.From), Visit(rangeExpression.To));
    }

    /// <summary>A range of whole numbers that is refused, before any list is made, when it spans more than <see cref="MaxRange"/> numbers.</summary>
    private sealed class BoundedRange(Expression from, Expression to) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            var start = Math.Truncate((await from.EvaluateAsync(context)).ToNumberValue());
            var end = Math.Truncate((await to.EvaluateAsync(context)).ToNumberValue());
            if (end - start >= MaxRange)
            {
                throw new TemplateBudgetExceeded(string.Create(LetterFigures.Dutch, $"een reeks ({start:0}..{end:0}) telt meer dan {MaxRange:N0} getallen."));
            }

            var numbers = new List<FluidValue>(end < start ? 0 : (int)(end - start) + 1);
            for (var n = start; n <= end; n++)
            {
                numbers.Add(NumberValue.Create(n));
            }

            return new ArrayValue(numbers);
        }
    }
}

/// <summary>A template that went over its <see cref="TemplateBudget"/>; the message says which limit, in Dutch.</summary>
internal sealed class TemplateBudgetExceeded(string message) : Exception(message);

/// <summary>The rendering's output, refused past <see cref="TemplateBudget.MaxOutput"/> characters; every write also checks the clock.</summary>
internal sealed class BudgetedWriter(TemplateBudget budget) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
{
    public override void Write(char value)
    {
        budget.Write(1, GetStringBuilder().Length);
        base.Write(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        budget.Write(count, GetStringBuilder().Length);
        base.Write(buffer, index, count);
    }

    public override void Write(ReadOnlySpan<char> buffer)
    {
        budget.Write(buffer.Length, GetStringBuilder().Length);
        base.Write(buffer);
    }

    public override void Write(string? value)
    {
        budget.Write(value?.Length ?? 0, GetStringBuilder().Length);
        base.Write(value);
    }
}
