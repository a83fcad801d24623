using System.Globalization;
using System.Runtime.CompilerServices;

namespace MortgageMath.Tests.Localization;

/// <summary>
/// Makes the suite independent of the machine's culture: every thread that does not set its own culture runs in
/// English (<c>en-US</c>), so that the tool's default language (the user's UI culture, docs/localization.md) and the
/// library's explanatory texts are English on a Chinese machine too. Tests of another language set it explicitly
/// (<c>--lang zh-CN</c>, or <see cref="CultureInfo.CurrentUICulture"/> around the call).
/// </summary>
internal static class TestCulture
{
    [ModuleInitializer]
    internal static void UseEnglish()
    {
        CultureInfo english = CultureInfo.GetCultureInfo("en-US");
        CultureInfo.DefaultThreadCurrentCulture = english;
        CultureInfo.DefaultThreadCurrentUICulture = english;
        CultureInfo.CurrentCulture = english;
        CultureInfo.CurrentUICulture = english;
    }
}
