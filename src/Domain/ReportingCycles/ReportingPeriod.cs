using System.Globalization;
using Governance.Domain.Common;

namespace Governance.Domain.ReportingCycles;

public enum PeriodKind
{
    Quarter,
    HalfYear,
    Year,
    Date,
}

/// <summary>
/// The period a report covers: a quarter, a half-year, a calendar year, or a single date
/// (a one-off report). Stored by its <see cref="Code"/> ("2025-Q2", "2025-H1", "2025", "2024-03-05").
/// </summary>
public readonly record struct ReportingPeriod : IComparable<ReportingPeriod>
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    private ReportingPeriod(PeriodKind kind, int year, int index, DateOnly end)
    {
        Kind = kind;
        Year = year;
        Index = index;
        End = end;
    }

    public PeriodKind Kind { get; }

    public int Year { get; }

    /// <summary>1-4 for a quarter, 1-2 for a half-year, 0 otherwise.</summary>
    public int Index { get; }

    public DateOnly End { get; }

    public DateOnly Start => Kind switch
    {
        PeriodKind.Quarter => new DateOnly(Year, (Index * 3) - 2, 1),
        PeriodKind.HalfYear => new DateOnly(Year, Index == 1 ? 1 : 7, 1),
        PeriodKind.Year => new DateOnly(Year, 1, 1),
        PeriodKind.Date => End,
    };

    public static ReportingPeriod Quarter(int year, int quarter)
    {
        CheckYear(year);
        if (quarter is < 1 or > 4)
        {
            throw new DomainRuleException("A quarter is numbered 1 to 4.");
        }

        return new(PeriodKind.Quarter, year, quarter, new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1));
    }

    public static ReportingPeriod HalfYear(int year, int half)
    {
        CheckYear(year);
        if (half is < 1 or > 2)
        {
            throw new DomainRuleException("A half-year is numbered 1 or 2.");
        }

        return new(PeriodKind.HalfYear, year, half, half == 1 ? new DateOnly(year, 6, 30) : new DateOnly(year, 12, 31));
    }

    public static ReportingPeriod FullYear(int year)
    {
        CheckYear(year);
        return new(PeriodKind.Year, year, 0, new DateOnly(year, 12, 31));
    }

    public static ReportingPeriod OnDate(DateOnly date)
    {
        CheckYear(date.Year);
        return new(PeriodKind.Date, date.Year, 0, date);
    }

    /// <summary>The period before this one, of the same kind; a single date has none.</summary>
    public ReportingPeriod? Previous() => Kind switch
    {
        PeriodKind.Quarter => Index == 1 ? Quarter(Year - 1, 4) : Quarter(Year, Index - 1),
        PeriodKind.HalfYear => Index == 1 ? HalfYear(Year - 1, 2) : HalfYear(Year, 1),
        PeriodKind.Year => FullYear(Year - 1),
        PeriodKind.Date => null,
    };

    public ReportingPeriod SamePeriodLastYear() => Kind switch
    {
        PeriodKind.Quarter => Quarter(Year - 1, Index),
        PeriodKind.HalfYear => HalfYear(Year - 1, Index),
        PeriodKind.Year => FullYear(Year - 1),
        PeriodKind.Date => OnDate(End.AddYears(-1)),
    };

    public string Code => Kind switch
    {
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Index}"),
        PeriodKind.HalfYear => string.Create(CultureInfo.InvariantCulture, $"{Year}-H{Index}"),
        PeriodKind.Year => Year.ToString(CultureInfo.InvariantCulture),
        PeriodKind.Date => End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>"2e kwartaal 2025", "1e halfjaar 2025", "2025", "5 maart 2024"; English for an English culture.</summary>
    public string Display(CultureInfo culture)
    {
        var english = culture.TwoLetterISOLanguageName == "en";
        return Kind switch
        {
            PeriodKind.Quarter => english
                ? string.Create(CultureInfo.InvariantCulture, $"Q{Index} {Year}")
                : string.Create(CultureInfo.InvariantCulture, $"{Index}e kwartaal {Year}"),
            PeriodKind.HalfYear => english
                ? string.Create(CultureInfo.InvariantCulture, $"H{Index} {Year}")
                : string.Create(CultureInfo.InvariantCulture, $"{Index}e halfjaar {Year}"),
            PeriodKind.Year => Year.ToString(CultureInfo.InvariantCulture),
            PeriodKind.Date => End.ToString("d MMMM yyyy", english ? CultureInfo.GetCultureInfo("en-GB") : Dutch),
        };
    }

    public override string ToString() => Display(Dutch);

    public static ReportingPeriod Parse(string code)
    {
        if (TryParse(code, out var period))
        {
            return period;
        }

        throw new FormatException($"'{code}' is not a reporting period code.");
    }

    public static bool TryParse(string? code, out ReportingPeriod period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        var c = code.Trim().ToUpperInvariant();
        if (c.Length == 4 && int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && IsYear(y))
        {
            period = FullYear(y);
            return true;
        }

        if (c.Length == 7 && c[4] == '-' && int.TryParse(c[..4], NumberStyles.None, CultureInfo.InvariantCulture, out y) && IsYear(y))
        {
            var index = c[6] - '0';
            switch (c[5])
            {
                case 'Q' when index is >= 1 and <= 4:
                    period = Quarter(y, index);
                    return true;
                case 'H' when index is >= 1 and <= 2:
                    period = HalfYear(y, index);
                    return true;
                default:
                    return false;
            }
        }

        if (DateOnly.TryParseExact(c, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && IsYear(date.Year))
        {
            period = OnDate(date);
            return true;
        }

        return false;
    }

    /// <summary>Orders by end date, then by length (a quarter before the half-year that ends on the same day).</summary>
    public int CompareTo(ReportingPeriod other)
    {
        var byEnd = End.CompareTo(other.End);
        return byEnd != 0 ? byEnd : other.Start.CompareTo(Start);
    }

    private static bool IsYear(int year) => year is >= 1900 and <= 2200;

    private static void CheckYear(int year)
    {
        if (!IsYear(year))
        {
            throw new DomainRuleException($"Year {year} is out of range.");
        }
    }
}
