using System.Globalization;
using System.Text;
using Governance.Domain.Common;

namespace Governance.Domain.Indicators;

/// <summary>
/// One input of a formula: another indicator of the catalogue by its code, or one category of a breakdown
/// ("[WMO-BUDGET:Begroot]").
/// </summary>
public sealed record FormulaInput(string Code, string? Category)
{
    public override string ToString() => Category is null ? $"[{Code}]" : $"[{Code}:{Category}]";
}

/// <summary>A formula's outcome for one period: the figure, or why there is none (in Dutch, for the letter).</summary>
public readonly record struct FormulaOutcome(decimal? Value, string? Reason)
{
    public static FormulaOutcome Of(decimal value) => new(value, null);

    public static FormulaOutcome None(string reason) => new(null, reason);
}

/// <summary>
/// How a derived indicator is computed from others: the four operations, brackets, numbers and references to the
/// catalogue in square brackets, e.g. <c>[WMO-BINNEN-8-WEKEN] / [WMO-BESLUITEN] * 100</c> or
/// <c>[WMO-BUDGET:Begroot] - [WMO-RESULTAAT]</c>. It is parsed by its own small grammar, never run as code: a formula
/// is data a person typed. Its size is bounded (length, terms, nesting), so a hostile one costs nothing to refuse.
/// </summary>
public sealed class IndicatorFormula
{
    public const int MaxLength = 500;
    public const int MaxTerms = 20;
    public const int MaxDepth = 8;

    private readonly Node _root;

    private IndicatorFormula(Node root, string text, IReadOnlyList<FormulaInput> inputs)
    {
        _root = root;
        Text = text;
        Inputs = inputs;
    }

    /// <summary>The formula written the one way it is stored: codes in capitals, single spaces around the operations.</summary>
    public string Text { get; }

    /// <summary>The distinct inputs, in the order they first appear.</summary>
    public IReadOnlyList<FormulaInput> Inputs { get; }

    /// <summary>The indicator codes the formula reads.</summary>
    public IEnumerable<string> Codes => Inputs.Select(i => i.Code).Distinct(StringComparer.Ordinal);

    /// <summary>
    /// For a share (<c>[A] / [B] * 100</c> or <c>100 * [A] / [B]</c>): its part and its whole, so a letter can say
    /// "2.660 van de 2.834 besluiten". None for any other formula.
    /// </summary>
    public (FormulaInput Part, FormulaInput Whole)? Share => _root switch
    {
        Binary { Operator: '*', Left: Binary { Operator: '/', Left: Reference part, Right: Reference whole }, Right: Number { Value: 100m } } => (part.Input, whole.Input),
        Binary { Operator: '*', Left: Number { Value: 100m }, Right: Binary { Operator: '/', Left: Reference part, Right: Reference whole } } => (part.Input, whole.Input),
        Binary { Operator: '/', Left: Binary { Operator: '*', Left: Number { Value: 100m }, Right: Reference part }, Right: Reference whole } => (part.Input, whole.Input),
        _ => null,
    };

    /// <summary>Reads a formula; the error names what is wrong and where, in Dutch, for the person who typed it.</summary>
    public static Result<IndicatorFormula> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Invalid("Vul een formule in.");
        }

        if (text.Length > MaxLength)
        {
            return Invalid($"Een formule is hooguit {MaxLength} tekens.");
        }

        var parser = new Parser(text);
        try
        {
            var root = parser.Expression(0);
            parser.SkipSpace();
            if (!parser.AtEnd)
            {
                throw parser.Error(parser.Peek == ')' ? "een haakje sluiten zonder haakje openen" : "een rekenteken (+, −, × of /) verwacht");
            }

            if (parser.Inputs.Count == 0)
            {
                throw parser.Error("de formule verwijst naar geen enkele indicator; schrijf een code tussen vierkante haken, zoals [WMO-BESLUITEN]");
            }

            return new IndicatorFormula(root, root.Write(), [.. parser.Inputs]);
        }
        catch (FormulaSyntaxException e)
        {
            return Invalid(e.Message);
        }
    }

    /// <summary>The formula with each input's figure for one period; none, with the reason, when an input has none or a division is by zero.</summary>
    /// <param name="figure">An input's figure in the period, if it has one.</param>
    /// <param name="name">How the reason names an input ("het aantal besluiten"); its reference when not given.</param>
    public FormulaOutcome Evaluate(Func<FormulaInput, decimal?> figure, Func<FormulaInput, string>? name = null)
    {
        name ??= input => input.ToString();
        foreach (var input in Inputs)
        {
            if (figure(input) is null)
            {
                return FormulaOutcome.None($"er is geen cijfer voor {name(input)}");
            }
        }

        try
        {
            return _root.Evaluate(figure, name);
        }
        catch (OverflowException)
        {
            return FormulaOutcome.None("de uitkomst is te groot");
        }
    }

    /// <summary>The formula in words, each input written by <paramref name="write"/>: "Besluiten binnen 8 weken (2.660) gedeeld door …".</summary>
    public string Describe(Func<FormulaInput, string> write, Func<decimal, string> number) => _root.Describe(write, number, 0);

    private static Error Invalid(string message) => new FormulaInvalid(message);

    private abstract record Node
    {
        public abstract FormulaOutcome Evaluate(Func<FormulaInput, decimal?> figure, Func<FormulaInput, string> name);

        public abstract string Write();

        public abstract string Describe(Func<FormulaInput, string> write, Func<decimal, string> number, int outer);
    }

    private sealed record Number(decimal Value) : Node
    {
        public override FormulaOutcome Evaluate(Func<FormulaInput, decimal?> figure, Func<FormulaInput, string> name) => FormulaOutcome.Of(Value);

        public override string Write() => Value.ToString(CultureInfo.InvariantCulture);

        public override string Describe(Func<FormulaInput, string> write, Func<decimal, string> number, int outer) => number(Value);
    }

    private sealed record Reference(FormulaInput Input) : Node
    {
        public override FormulaOutcome Evaluate(Func<FormulaInput, decimal?> figure, Func<FormulaInput, string> name) => FormulaOutcome.Of(figure(Input)!.Value);

        public override string Write() => Input.ToString();

        public override string Describe(Func<FormulaInput, string> write, Func<decimal, string> number, int outer) => write(Input);
    }

    private sealed record Negation(Node Operand) : Node
    {
        public override FormulaOutcome Evaluate(Func<FormulaInput, decimal?> figure, Func<FormulaInput, string> name)
        {
            var operand = Operand.Evaluate(figure, name);
            return operand.Value is { } value ? FormulaOutcome.Of(-value) : operand;
        }

        public override string Write() => "-" + (Operand is Binary ? $"({Operand.Write()})" : Operand.Write());

        public override string Describe(Func<FormulaInput, string> write, Func<decimal, string> number, int outer) => "min " + Operand.Describe(write, number, 3);
    }

    private sealed record Binary(char Operator, Node Left, Node Right) : Node
    {
        private int Precedence => Operator is '+' or '-' ? 1 : 2;

        public override FormulaOutcome Evaluate(Func<FormulaInput, decimal?> figure, Func<FormulaInput, string> name)
        {
            var left = Left.Evaluate(figure, name);
            if (left.Value is not { } a)
            {
                return left;
            }

            var right = Right.Evaluate(figure, name);
            if (right.Value is not { } b)
            {
                return right;
            }

            return Operator switch
            {
                '+' => FormulaOutcome.Of(a + b),
                '-' => FormulaOutcome.Of(a - b),
                '*' => FormulaOutcome.Of(a * b),
                _ when b == 0 => FormulaOutcome.None($"{Right.Describe(name, n => n.ToString(CultureInfo.GetCultureInfo("nl-NL")), 0)} is nul, en door nul wordt niet gedeeld"),
                _ => FormulaOutcome.Of(a / b),
            };
        }

        public override string Write()
        {
            // Brackets only where they are needed: on the right of - and /, and around a lower precedence.
            var left = Left is Binary l && l.Precedence < Precedence ? $"({Left.Write()})" : Left.Write();
            var right = Right is Binary r && (r.Precedence < Precedence || (r.Precedence == Precedence && Operator is '-' or '/')) ? $"({Right.Write()})" : Right.Write();
            return $"{left} {Operator} {right}";
        }

        public override string Describe(Func<FormulaInput, string> write, Func<decimal, string> number, int outer)
        {
            var words = Operator switch
            {
                '+' => "plus",
                '-' => "min",
                '*' => "maal",
                _ => "gedeeld door",
            };
            var text = $"{Left.Describe(write, number, Precedence)} {words} {Right.Describe(write, number, Precedence + (Operator is '-' or '/' ? 1 : 0))}";
            return Precedence < outer ? $"({text})" : text;
        }
    }

    private sealed class FormulaSyntaxException(string message) : Exception(message);

    /// <summary>A recursive descent over: expression = term {(+|-) term}; term = factor {(*|/) factor}; factor = -factor | number | [code] | (expression).</summary>
    private sealed class Parser(string text)
    {
        private int _position;
        private int _terms;

        public List<FormulaInput> Inputs { get; } = [];

        public bool AtEnd => _position >= text.Length;

        public char Peek => AtEnd ? '\0' : text[_position];

        public void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        public FormulaSyntaxException Error(string what) =>
            new(AtEnd ? $"Aan het eind van de formule: {what}." : $"Bij teken {_position + 1} ('{text[_position]}'): {what}.");

        public Node Expression(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error($"te veel haakjes in elkaar (hooguit {MaxDepth})");
            }

            var node = Term(depth);
            while (true)
            {
                SkipSpace();
                if (Peek is '+' or '-' or '\u2212')
                {
                    var op = Peek == '+' ? '+' : '-';
                    _position++;
                    node = new Binary(op, node, Term(depth));
                }
                else
                {
                    return node;
                }
            }
        }

        private Node Term(int depth)
        {
            var node = Factor(depth);
            while (true)
            {
                SkipSpace();
                if (Peek is '*' or '/' or '×' or ':' or '÷')
                {
                    var op = Peek is '*' or '×' ? '*' : '/';
                    _position++;
                    node = new Binary(op, node, Factor(depth));
                }
                else
                {
                    return node;
                }
            }
        }

        private Node Factor(int depth)
        {
            SkipSpace();
            if (++_terms > MaxTerms * 2)
            {
                throw Error($"de formule is te lang (hooguit {MaxTerms} getallen en verwijzingen)");
            }

            switch (Peek)
            {
                case '-' or '\u2212':
                    _position++;
                    return new Negation(Factor(depth + 1));
                case '(':
                    _position++;
                    var inner = Expression(depth + 1);
                    SkipSpace();
                    if (Peek != ')')
                    {
                        throw Error("een haakje sluiten verwacht");
                    }

                    _position++;
                    return inner;
                case '[':
                    return Reference();
                case var c when char.IsAsciiDigit(c):
                    return Number();
                default:
                    throw Error("een getal, een [code] of een haakje openen verwacht");
            }
        }

        private Reference Reference()
        {
            var start = _position;
            var end = text.IndexOf(']', start);
            if (end < 0)
            {
                throw Error("de vierkante haak sluiten ontbreekt");
            }

            var inside = text[(start + 1)..end];
            var colon = inside.IndexOf(':', StringComparison.Ordinal);
            var code = (colon < 0 ? inside : inside[..colon]).Trim().ToUpperInvariant();
            var category = colon < 0 ? null : inside[(colon + 1)..].Trim();
            if (code.Length == 0 || code.Length > Indicator.CodeMaxLength || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                throw Error($"'{inside.Trim()}' is geen indicatorcode (letters, cijfers, '-', '_' en '.')");
            }

            if (category is { Length: 0 or > IndicatorSpecification.CategoryMaxLength })
            {
                throw Error("na de dubbele punt staat de naam van een categorie");
            }

            var input = new FormulaInput(code, category);
            if (!Inputs.Contains(input))
            {
                if (Inputs.Count >= MaxTerms)
                {
                    throw Error($"de formule verwijst naar te veel indicatoren (hooguit {MaxTerms})");
                }

                Inputs.Add(input);
            }

            _position = end + 1;
            return new Reference(input);
        }

        private Number Number()
        {
            var digits = new StringBuilder();
            var separator = false;
            while (!AtEnd && (char.IsAsciiDigit(Peek) || (!separator && Peek is '.' or ',')))
            {
                separator |= Peek is '.' or ',';
                digits.Append(Peek is ',' ? '.' : Peek);
                _position++;
            }

            if (digits.Length > 20 || !decimal.TryParse(digits.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                throw Error($"'{digits}' is geen getal dat hier past");
            }

            return new Number(value);
        }
    }
}
