using System.Globalization;

namespace MortgageMath.Analytics;

/// <summary>
/// The annualized rate of PBoC Announcement [2021] No.3 (年化利率), computed by the IRR (compound) method: the monthly
/// internal rate of return r of the borrower's cash flows, fees included, and its two annual figures. For the
/// announcement's example (100,000 lent, a 1,000 fee up front, 12 × 8,833.33) r = 1.0670373%,
/// <see cref="Nominal"/> = 12.80% and <see cref="Effective"/> = 13.58%.
/// </summary>
public sealed partial class PbocAnnualizedRate
{
    internal PbocAnnualizedRate(decimal periodicRate)
    {
        PeriodicRate = periodicRate;
        Nominal = Apr.ToRate(periodicRate * 12m, Resources.LibraryText.Err_AprWhatNominal);
        Effective = Apr.ToRate(DecimalMath.IntegerPower(1m + periodicRate, 12) - 1m, Resources.LibraryText.Err_AprWhatEffective);
    }

    /// <summary>The monthly internal rate of return r, as a fraction (0.010670373… for 1.0670373%), to about 25 significant digits.</summary>
    public decimal PeriodicRate { get; }

    /// <summary>The <b>nominal</b> annualized rate, r × 12 (名义年化利率; the figure the announcement's example shows as
    /// 12.80%). Rounded to 16 decimal places of a fraction.</summary>
    public Rate Nominal { get; }

    /// <summary>The <b>effective</b> annualized rate, (1 + r)^12 − 1 (实际年化利率, compounded monthly; the example's
    /// 13.58%). Rounded to 16 decimal places of a fraction.</summary>
    public Rate Effective { get; }

    /// <summary>Both figures: <c>nominal 12.80…%, effective 13.58…% (monthly IRR 1.067…%)</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        $"nominal {Nominal}, effective {Effective} (monthly IRR {(PeriodicRate * 100m).ToString(CultureInfo.InvariantCulture)}%)";
}

/// <summary>
/// An APR by the actuarial method of US Regulation Z Appendix J: the unit-period rate i that solves
/// A = Σ Pₖ / ((1 + fₖ·i)(1 + i)^tₖ), times the number of unit-periods in a year.
/// </summary>
public sealed partial class RegZApr
{
    internal RegZApr(decimal unitPeriodRate, decimal unitPeriodsPerYear, decimal annual)
    {
        UnitPeriodRate = unitPeriodRate;
        UnitPeriodsPerYear = unitPeriodsPerYear;
        AnnualRate = Apr.ToRate(annual, Resources.LibraryText.Err_AprWhatApr);
        Disclosed = decimal.Round(annual * 100m, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The unit-period rate i, as a fraction, to about 25 significant digits.</summary>
    public decimal UnitPeriodRate { get; }

    /// <summary>The number of unit-periods in a year: 12 for months, 52 for weeks, …; for a single payment due in less
    /// than a year, 12 / months or 365 / days of the term ((b)(5)(vi), (vii)).</summary>
    public decimal UnitPeriodsPerYear { get; }

    /// <summary>The annual percentage rate, i × <see cref="UnitPeriodsPerYear"/> (nominal, not compounded), rounded
    /// to 16 decimal places of a fraction.</summary>
    public Rate AnnualRate { get; }

    /// <summary>The APR in percent as disclosed: rounded half away from zero to two decimals (9.69 for 9.69%).</summary>
    public decimal Disclosed { get; }

    /// <summary>The disclosed APR: <c>9.69%</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Disclosed.ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
