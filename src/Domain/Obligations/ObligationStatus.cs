namespace Governance.Domain.Obligations;

/// <summary>The life of a motion or commitment, as the griffie tracks it.</summary>
public enum ObligationStatus
{
    /// <summary>Registered by the griffie; no report has been opened yet.</summary>
    Registered,

    /// <summary>Reporting has started; a recurring obligation stays here until its end date.</summary>
    InProgress,

    /// <summary>The executive says it is carried out and links the letter that reports it.</summary>
    Reported,

    /// <summary>Afgedaan: the council confirmed it is fulfilled and strikes it from the list.</summary>
    Fulfilled,

    /// <summary>Vervallen: no longer relevant, with the reason.</summary>
    Lapsed,
}

public enum ObligationKind
{
    Motion,
    Commitment,
}
