using System.Globalization;
using NodaTime;

namespace MortgageMath;

/// <summary>
/// The one way the library writes a date into a message, a <c>ToString</c> or a rate file: <c>uuuu-MM-dd</c>, the
/// ISO 8601 form, with the invariant culture. NodaTime's <c>yyyy</c> is the year of the era, so year 0 prints as
/// "0001" and −2024 as "2025" (years before Christ); <c>uuuu</c> is the absolute year: "0000", "-2024".
/// </summary>
internal static class DateText
{
    /// <summary>The date as <c>uuuu-MM-dd</c>: 2024-03-20, 0000-06-01, -2024-03-01.</summary>
    internal static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
