using Microsoft.Extensions.Localization;

namespace Governance.Web.Components.Shared;

/// <summary>Counts in words with the right form: resources hold "<c>key.One</c>" ("1 waarde open") and "<c>key.Other</c>" ("{0} waarden open").</summary>
public static class PluralText
{
    /// <summary>The text for <paramref name="count"/>, singular for one; <paramref name="more"/> fill the later placeholders.</summary>
    public static string Plural(this IStringLocalizer l, string key, int count, params object[] more) =>
        l[count == 1 ? $"{key}.One" : $"{key}.Other", [count, .. more]];
}
