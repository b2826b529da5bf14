using FluentValidation;
using Governance.Domain.Common;
using Mediator;

namespace Governance.Web.Hosting;

/// <summary>
/// Checks the shape of every message: no control characters or absurd dates (<see cref="InputHygiene"/>) and the
/// rules of its validators, for the UI, the API and jobs alike; a message that fails never reaches its handler,
/// so nothing is stored.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
    where TResponse : IResultFailure<TResponse>
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var failures = InputHygiene.ProblemsIn(message).Select(p => new FluentValidation.Results.ValidationFailure(p.Field, p.Message)).ToList();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count == 0)
        {
            return await next(message, cancellationToken);
        }

        var fields = failures
            .GroupBy(f => FieldNames.ToJson(f.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray());
        return TResponse.Failure(new Invalid(fields));
    }
}

public static class FieldNames
{
    /// <summary>"Indicators[0].IndicatorId" becomes "indicators[0].indicatorId", as the field appears in JSON.</summary>
    public static string ToJson(string propertyName) =>
        string.Join('.', propertyName.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
