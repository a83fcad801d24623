using System.Globalization;
using MortgageMath.Serialization;

namespace MortgageMath;

public sealed partial record Loan
{
    /// <summary>
    /// One line with the terms: <c>Loan: 1,000,000.00, fixed 4.9%, 360 months, equal-installment; disbursed 2024-03-20,
    /// repayment day 20, rounding half-up to 0.01</c> (and the number of events, when any). Invariant culture, dates
    /// <c>yyyy-MM-dd</c>, amounts grouped with the rounding policy's decimals. Replaces the record's member dump, which
    /// printed dates in NodaTime's long pattern.
    /// </summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Loan: {ExportText.Grouped(Principal, Rounding.DecimalPlaces)}, {RatePlan}, {Periods} months, {Method}; disbursed {ExportText.Date(Disbursement)}, repayment day {EffectiveRepaymentDay}, rounding {Rounding}{(Events.Count > 0 ? $"; {Events.Count} event{(Events.Count == 1 ? "" : "s")}" : "")}");
}
