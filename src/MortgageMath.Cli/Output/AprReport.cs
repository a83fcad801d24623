using System.Globalization;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;

namespace MortgageMath.Cli;

/// <summary>What <c>mortgage apr</c> prints: the schedule, the fees, the cash flows and both annual figures, as text
/// shared by its table, markdown and JSON writers; the texts in the run's language (CliText <c>Apr_*</c>).</summary>
internal sealed record AprReport(Schedule Schedule, decimal Upfront, decimal Periodic, LoanCashFlows Flows, PbocAnnualizedRate Pboc, RegZApr RegZ, string? Leg)
{
    internal int Places => Schedule.Loan.Rounding.DecimalPlaces;

    internal string A(decimal amount) => Amounts.Grouped(amount, Places);

    internal string FeesLine()
    {
        var parts = new List<string>(2);
        if (Upfront != 0m)
        {
            parts.Add(Language.Format(CliText.Apr_FeesUpFront, A(Upfront), A(Flows.Advance), A(Schedule.Loan.Principal)));
        }

        if (Periodic != 0m)
        {
            parts.Add(Language.Format(CliText.Apr_FeesPeriodic, A(Periodic)));
        }

        return parts.Count == 0 ? CliText.Apr_FeesNone : Language.Format(CliText.Apr_Fees, string.Join(CliText.List_Separator, parts));
    }

    internal string FlowsLine() => Language.Format(CliText.Apr_Flows, A(Flows.Advance), Amounts.Date(Flows.AdvanceDate),
        Flows.Payments.Count.ToString(CultureInfo.InvariantCulture), Amounts.Date(Flows.Payments[0].Date), Amounts.Date(Flows.Payments[^1].Date),
        A(Flows.TotalPayments));

    internal (string Label, string Value)[] PbocFigures() =>
    [
        (CliText.Apr_MonthlyIrr, MonthlyPercent(Pboc.PeriodicRate)),
        (CliText.Apr_Nominal, TwoDecimals(Pboc.Nominal.ToPercent())),
        (CliText.Apr_Effective, TwoDecimals(Pboc.Effective.ToPercent())),
    ];

    internal (string Label, string Value)[] RegZFigures() =>
    [
        (CliText.Apr_UnitPeriodRate, Language.Format(CliText.Apr_PerMonth, MonthlyPercent(RegZ.UnitPeriodRate))),
        (CliText.Apr_Disclosed, RegZ.Disclosed.ToString("0.00", CultureInfo.InvariantCulture) + "%"),
    ];

    private static string MonthlyPercent(decimal fraction) =>
        decimal.Round(fraction * 100m, 7, MidpointRounding.AwayFromZero).ToString("0.0000000", CultureInfo.InvariantCulture) + "%";

    private static string TwoDecimals(decimal percent) =>
        decimal.Round(percent, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
