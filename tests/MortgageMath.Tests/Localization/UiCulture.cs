using System.Globalization;

namespace MortgageMath.Tests.Localization;

/// <summary>Runs code in a UI culture and restores the caller's afterwards (the suite itself runs in en-US).</summary>
internal static class UiCulture
{
    /// <summary>The value <paramref name="make"/> returns with <see cref="CultureInfo.CurrentUICulture"/> set to
    /// <paramref name="culture"/>.</summary>
    internal static T In<T>(string culture, Func<T> make)
    {
        CultureInfo saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            return make();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
