using Governance.Domain.Common;
using Governance.Domain.Indicators;

namespace Governance.Domain.Municipalities;

/// <summary>
/// A municipality served by this installation. Every obligation, indicator, value, team and
/// account belongs to exactly one; one installation can serve the municipalities of a region.
/// </summary>
public sealed class Municipality : AggregateRoot
{
    public const int NameMaxLength = 100;
    public const int CodeMaxLength = 6;

    private Municipality()
    {
        Name = null!;
        Code = null!;
    }

    public Municipality(string name, string code)
    {
        Id = MunicipalityId.New();
        Name = Guard.Text(name, nameof(Name), NameMaxLength);
        Code = CbsCode(code);
    }

    public MunicipalityId Id { get; private set; }

    public string Name { get; private set; }

    /// <summary>The CBS municipality code, e.g. GM0935 for Maastricht.</summary>
    public string Code { get; private set; }

    public const int AddressMaxLength = 200;
    public const int ContactMaxLength = 120;

    /// <summary>The address people open Governance at, e.g. https://governance.maastricht.nl; the links in e-mails start with it.</summary>
    public string? PublicAddress { get; private set; }

    /// <summary>The telephone number and e-mail address letters give for questions.</summary>
    public string? ContactPhone { get; private set; }

    public string? ContactEmail { get; private set; }

    /// <summary>Whether a newly registered motion or commitment goes into the public register (the griffie can still keep one out).</summary>
    public bool PublishByDefault { get; private set; } = true;

    public void SetPublishByDefault(bool publish) => PublishByDefault = publish;

    public void Rename(string name) => Name = Guard.Text(name, nameof(Name), NameMaxLength);

    public void ChangeCode(string code) => Code = CbsCode(code);

    /// <summary>Whether a text is a CBS municipality code: GM followed by four digits.</summary>
    public static bool IsCbsCode(string? code) =>
        code?.Trim().ToUpperInvariant() is { Length: 6 } c && c.StartsWith("GM", StringComparison.Ordinal) && c[2..].All(char.IsAsciiDigit);

    private static string CbsCode(string code) =>
        IsCbsCode(code) ? code.Trim().ToUpperInvariant() : throw new DomainRuleException("A municipality code is the CBS code, GM followed by four digits (GM0935).");

    /// <summary>Sets the public address (http or https, no path beyond "/") and the contact details; empty clears them.</summary>
    public void SetContact(string? publicAddress, string? phone, string? email)
    {
        var address = Guard.OptionalText(publicAddress, nameof(PublicAddress), AddressMaxLength);
        if (address is not null && (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || uri.AbsolutePath != "/" || !string.IsNullOrEmpty(uri.Query)))
        {
            throw new DomainRuleException("The public address is an http(s) address without a path, e.g. https://governance.maastricht.nl.");
        }

        PublicAddress = address?.TrimEnd('/');
        ContactPhone = Guard.OptionalText(phone, nameof(ContactPhone), ContactMaxLength);
        ContactEmail = Guard.OptionalText(email, nameof(ContactEmail), ContactMaxLength);
    }

    private List<string> _twoFactorRoles = [];

    /// <summary>Whether people may sign in with a Governance password; off when the municipality signs in through single sign-on only.</summary>
    public bool PasswordSignIn { get; private set; } = true;

    public void AllowPasswordSignIn(bool allowed) => PasswordSignIn = allowed;

    /// <summary>The roles whose people must sign in with an authenticator app as the second step.</summary>
    public IReadOnlyList<string> TwoFactorRoles => _twoFactorRoles;

    public void RequireTwoFactorFor(IEnumerable<string> roles) =>
        _twoFactorRoles = [.. roles.Where(Accounts.Roles.All.Contains).Distinct().Order()];

    public const int LinksMaxLength = 2_000;
    public const int LogoMaxBytes = 256 * 1024;

    /// <summary>
    /// The block a letter ends with before the signature (Markdown), e.g. where to find more figures:
    /// "Nu al interesse in meer cijfers? Neem een kijkje op [Maastricht in Cijfers](https://…).".
    /// </summary>
    public string? LetterLinks { get; private set; }

    /// <summary>The logo at the head of every letter (PNG or JPEG), with its media type.</summary>
    public byte[]? LetterLogo { get; private set; }

    public string? LetterLogoType { get; private set; }

    /// <summary>The bounds between the trend words for counts, amounts and durations (relative, in %).</summary>
    public TrendThresholds TrendRelative { get; private set; } = TrendThresholds.DefaultRelative;

    /// <summary>The bounds between the trend words for percentages (in percentage points).</summary>
    public TrendThresholds TrendPoints { get; private set; } = TrendThresholds.DefaultPercentagePoints;

    public void SetLetterLinks(string? markdown) => LetterLinks = Guard.OptionalText(markdown?.Replace("\r\n", "\n"), nameof(LetterLinks), LinksMaxLength);

    /// <summary>Sets the logo, checked to be a PNG or JPEG by its content; null removes it.</summary>
    public void SetLetterLogo(byte[]? image)
    {
        if (image is null)
        {
            (LetterLogo, LetterLogoType) = (null, null);
            return;
        }

        if (image.Length > LogoMaxBytes)
        {
            throw new DomainRuleException($"A logo is at most {LogoMaxBytes / 1024} KB.");
        }

        LetterLogoType = ReportingCycles.FileSignatures.Matches(".png", image) ? "image/png"
            : ReportingCycles.FileSignatures.Matches(".jpg", image) ? "image/jpeg"
            : throw new DomainRuleException("A logo is a PNG or JPEG image.");
        LetterLogo = image;
    }

    /// <summary>Sets the trend bounds so the letters use the wording of the municipality's own monitor.</summary>
    public void SetTrendThresholds(TrendThresholds relative, TrendThresholds points)
    {
        TrendRelative = relative.Checked();
        TrendPoints = points.Checked();
    }
}
