using Governance.Domain.Common;

namespace Governance.Domain.Obligations;

/// <summary>The meeting where a motion was adopted or a commitment made, e.g. "Domeinvergadering Sociaal", 5 March 2024.</summary>
public sealed record Meeting
{
    public const int BodyMaxLength = 120;

    public Meeting(string body, DateOnly date)
    {
        Body = Guard.Text(body, nameof(Body), BodyMaxLength);
        Date = date;
    }

    public string Body { get; }

    public DateOnly Date { get; }
}
