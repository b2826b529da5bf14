namespace Governance.Web.Resources;

/// <summary>The UI strings: Dutch in SharedResource.resx (the default), English in SharedResource.en.resx.</summary>
public sealed class SharedResource;
