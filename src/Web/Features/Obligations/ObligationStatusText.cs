using Governance.Domain.Obligations;

namespace Governance.Web.Features.Obligations;

/// <summary>An obligation's status in the Dutch of documents and e-mails, which go out in Dutch whatever the reader's screen language.</summary>
public static class ObligationStatusText
{
    public static string Dutch(ObligationStatus status) => status switch
    {
        ObligationStatus.Registered => "Geregistreerd",
        ObligationStatus.InProgress => "In uitvoering",
        ObligationStatus.Reported => "Afgedaan volgens het college, ter beoordeling",
        ObligationStatus.Fulfilled => "Afgedaan",
        _ => "Vervallen",
    };
}
