namespace Governance.Workflows.Letters;

/// <summary>A sample letter on the 2021 monitor figures: what the template editor previews and checks templates against.</summary>
public static class LetterSamples
{
    public static LetterModel Sample { get; } = new()
    {
        Municipality = "Maastricht",
        Subject = "Vinger aan de pols sociaal domein, 1e halfjaar 2021",
        HandledBy = "I. Bongers",
        Phone = "043 350 0000",
        Email = "onderzoek@maastricht.nl",
        Links = "Nu al interesse in meer cijfers? Neem een kijkje op [Maastricht in Cijfers](https://maastricht.incijfers.nl) en [waarstaatjegemeente.nl](https://www.waarstaatjegemeente.nl).",
        Obligation = new LetterObligation("T-2024-012", "Periodiek inzicht in de cijfers van het sociaal domein", "toezegging",
            "de domeinvergadering sociaal van 5 maart 2024",
            "De wethouder zegt toe te onderzoeken op welke wijze de raad periodiek inzicht kan krijgen in de gegevens uit de dashboards sociaal domein.",
            "gedaan", "in de domeinvergadering sociaal van 5 maart 2024"),
        Period = "1e halfjaar 2021",
        ThePeriod = "het 1e halfjaar 2021",
        InPeriod = "in het 1e halfjaar 2021",
        PeriodCode = "2021-H1",
        Aldermen =
        [
            new LetterAlderman("Jeroen Hoenderkamp", "Wethouder WMO, Welzijn, Sociale Zaken en Gezondheid"),
            new LetterAlderman("Hubert Mackus", "Wethouder Economie, Sport, Jeugdzorg, Water, Natuur en Landschap"),
        ],
        Items =
        [
            new LetterItem
            {
                Name = "Wmo-aanvragen binnen 8 weken afgehandeld", Definition = "Het aandeel Wmo-aanvragen met een beschikking binnen 8 weken na de melding.",
                Kind = "percentage", Available = true, Value = "93,9 %", Derivation = "2.660 van de 2.834 aanvragen", DerivationIsShare = true, Source = "Gemeente Maastricht, Wmo-registratie", SourceNote = 1, IntroducesSource = true, IsNumeric = true, Decimals = 1, FormattedUnit = "%",
                Comparisons = [new LetterComparison("2020", "92,9 %", "licht gestegen", "+1,0 procentpunt")],
                Series = [new LetterPoint("2019", 91.8m), new LetterPoint("2020", 92.9m), new LetterPoint("2021", 93.9m)],
            },
            new LetterItem
            {
                Name = "Niet-gebruik Kindpakket", Definition = "Het aandeel kinderen dat recht heeft op het Kindpakket maar het niet gebruikt.",
                Kind = "percentage", Available = false, NotAvailableReason = "nog geen cijfers beschikbaar; de eerste meting volgt bij de jaarrekening.", IsNumeric = true, Decimals = 1,
            },
        ],
        Sources = [new LetterSource(1, "Gemeente Maastricht, Wmo-registratie")],
        Next = new LetterFollowUp(Last: false, "2021", "bij de jaarrekening 2021 (juni 2022)"),
    };

    /// <summary>The sample's obligation as a motion or as a commitment, so each kind's template previews its own kind.</summary>
    public static LetterObligation ObligationOf(Domain.Obligations.ObligationKind kind) => kind == Domain.Obligations.ObligationKind.Motion
        ? new LetterObligation("M-2014-083", "Vinger aan de pols", "motie", "de vergadering van de gemeenteraad van 11 november 2014",
            "Verzoekt het college de raad vier maal per jaar een monitoringsrapportage te sturen over de kaders Wmo & Jeugdzorg en de Participatiewet.",
            "aangenomen", "in de vergadering van de gemeenteraad van 11 november 2014")
        : Sample.Obligation;

    /// <summary>
    /// A letter of <paramref name="count"/> numeric indicators, each with five periods of history, a baseline,
    /// a target with its trajectory and a comparison: the size the performance targets speak of (12).
    /// </summary>
    public static LetterModel WithIndicators(int count) => Sample with
    {
        Items = [.. Enumerable.Range(1, count).Select(i => new LetterItem
        {
            Name = $"Indicator {i}: aandeel binnen de termijn", Definition = "Het aandeel aanvragen dat binnen de wettelijke termijn is afgehandeld.",
            Kind = "percentage", Available = true, Value = $"{80 + i},5 %", Source = "Gemeente Maastricht, eigen registratie", SourceNote = 1, IntroducesSource = i == 1, IsNumeric = true,
            Decimals = 1, FormattedUnit = "%", BaselineValue = 70 + i, TargetValue = 95, Baseline = $"De nulmeting was {70 + i},0 % (31 december 2020).",
            Target = "De streefwaarde is 95,0 % in 2030.", Trajectory = new LetterTrajectory($"{75 + i},0 %", true, "op koers", 2030),
            Comparisons = [new LetterComparison("het 1e halfjaar 2020", $"{79 + i},0 %", "licht gestegen", "+1,5 procentpunt")],
            Series = [.. Enumerable.Range(0, 5).Select(p => new LetterPoint($"{2017 + p}", 76 + i + p * 1.1m))],
        })],
        Sources = [new LetterSource(1, "Gemeente Maastricht, eigen registratie")],
    };
}
