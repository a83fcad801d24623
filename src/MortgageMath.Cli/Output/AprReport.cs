using System.Globalization;

namespace MortgageMath.Cli;

/// <summary>What <c>mortgage apr</c> prints: the schedule, the fees, the cash flows and both annual figures, as text
/// shared by its table, markdown and JSON writers.</summary>
internal sealed record AprReport(Schedule Schedule, decimal Upfront, decimal Periodic, LoanCashFlows Flows, PbocAnnualizedRate Pboc, RegZApr RegZ, string? Leg)
{
    internal int Places => Schedule.Loan.Rounding.DecimalPlaces;

    internal string A(decimal amount) => Amounts.Grouped(amount, Places);

    internal string FeesLine()
    {
        var parts = new List<string>(2);
        if (Upfront != 0m)
        {
            parts.Add($"{A(Upfront)} up front (received: {A(Flows.Advance)} of the {A(Schedule.Loan.Principal)} lent)");
        }

        if (Periodic != 0m)
        {
            parts.Add($"{A(Periodic)} with each regular payment");
        }

        return parts.Count == 0 ? "Fees: none." : $"Fees: {string.Join(", ", parts)}.";
    }

    internal string FlowsLine() =>
        $"Cash flows: {A(Flows.Advance)} received on {Amounts.Date(Flows.AdvanceDate)}; " +
        $"{Flows.Payments.Count.ToString(CultureInfo.InvariantCulture)} payments from {Amounts.Date(Flows.Payments[0].Date)} " +
        $"to {Amounts.Date(Flows.Payments[^1].Date)}, {A(Flows.TotalPayments)} in total.";

    internal (string Label, string Value)[] PbocFigures() =>
    [
        ("Monthly IRR", MonthlyPercent(Pboc.PeriodicRate)),
        ("Nominal annualized rate (monthly IRR × 12)", TwoDecimals(Pboc.Nominal.ToPercent())),
        ("Effective annualized rate ((1 + monthly IRR)^12 − 1)", TwoDecimals(Pboc.Effective.ToPercent())),
    ];

    internal (string Label, string Value)[] RegZFigures() =>
    [
        ("Unit-period rate", MonthlyPercent(RegZ.UnitPeriodRate) + " a month"),
        ("APR (unit-period rate × 12, disclosed to two decimals)", RegZ.Disclosed.ToString("0.00", CultureInfo.InvariantCulture) + "%"),
    ];

    private static string MonthlyPercent(decimal fraction) =>
        decimal.Round(fraction * 100m, 7, MidpointRounding.AwayFromZero).ToString("0.0000000", CultureInfo.InvariantCulture) + "%";

    private static string TwoDecimals(decimal percent) =>
        decimal.Round(percent, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
