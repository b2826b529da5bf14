using Governance.Domain.Common;

namespace Governance.Web.Features.Tasks;

/// <summary>Attachments change with the value: once it is handed in or the cycle stops collecting, they stay as they are.</summary>
public sealed record AttachmentsFixed()
    : Error("task_not_open", "Deze waarde is al ingediend of de rapportage verzamelt niet meer: de bijlagen liggen vast.");
