using System.Diagnostics.CodeAnalysis;

namespace Governance.Domain.Common;

/// <summary>
/// An expected failure, named by what went wrong: <see cref="Code"/> for programs (the API's problem details), and a
/// <see cref="Message"/> a person reads, in Dutch, shown as it is.
/// </summary>
public abstract record Error(string Code, string Message);

/// <summary>What was asked for does not exist here; another municipality's ids answer the same.</summary>
public sealed record NotFound(string What) : Error("not_found", $"{Dutch(What)} is niet gevonden.")
{
    private static string Dutch(string what) => what switch
    {
        "Reporting cycle" => "De rapportage",
        "Letter" => "De brief",
        "Account" => "Het account",
        "Obligation" or "Motie of toezegging" or "Informatieobject" => "De motie of toezegging",
        "Municipality" => "De gemeente",
        "Vergadering" => "De vergadering",
        "Besluit" => "Het besluit",
        "Gemeente" => "De gemeente",
        "Indicator task" => "De taak",
        "Team" => "Het team",
        "Indicator" => "De indicator",
        "Wethouder" => "De wethouder",
        "Attachment" => "De bijlage",
        "Logo" => "Het logo",
        "Kalenderjaar" => "Het kalenderjaar",
        "Commissie" => "De commissie",
        "Beleidsterrein" => "Het beleidsterrein",
        "Samenwerkingsverband" => "Het samenwerkingsverband",
        "Gedeelde gegevens" => "Dit gedeelde onderdeel",
        "Regionale brief" => "De regionale brief",
        "API key" => "De API-sleutel",
        _ => what,
    };
}

/// <summary>The person's role or team does not allow it; the message says who may, in Dutch.</summary>
public sealed record Forbidden(string Message) : Error("forbidden", Message);

/// <summary>Someone else changed the data since it was read.</summary>
public sealed record Conflict(string Message) : Error("conflict", Message);

/// <summary>Input that does not have the right shape, per field.</summary>
public sealed record Invalid(IReadOnlyDictionary<string, string[]> Fields)
    : Error("invalid", "Een of meer velden zijn niet goed ingevuld.");

/// <summary>Lets generic code (the validation pipeline) build a failed result of any result type.</summary>
public interface IResultFailure<out TSelf>
{
    static abstract TSelf Failure(Error error);
}

public readonly record struct Result : IResultFailure<Result>
{
    private Result(Error? error) => Error = error;

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static Result Success() => new(null);

    public static Result Failure(Error error) => new(error);

    public static implicit operator Result(Error error) => Failure(error);
}

public readonly record struct Result<T> : IResultFailure<Result<T>>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public T Value => Succeeded ? _value! : throw new InvalidOperationException($"No value: {Error}");

    public static Result<T> Success(T value) => new(value, null);

    public static Result<T> Failure(Error error) => new(default, error);

    public static implicit operator Result<T>(T value) => Success(value);

    public static implicit operator Result<T>(Error error) => Failure(error);
}
