using System.Globalization;
using NodaTime;

namespace MortgageMath.Portfolio;

/// <summary>
/// One loan of a book repriced: its figures before and after the scenario, or why it could not be priced. Every
/// figure is a <see cref="LoanTotals"/> figure (summed over the legs of a combined loan), so the interest columns are
/// exactly <see cref="Schedule.TotalInterest"/> of the loan before and after. Immutable; equal when every field is.
/// </summary>
public sealed record LoanRepricing
{
    internal LoanRepricing(long row, string? id, string failure)
    {
        Row = row;
        Id = id;
        Failure = failure;
    }

    internal LoanRepricing(long row, string id, Figures before, Figures after)
    {
        Row = row;
        Id = id;
        PaymentNow = before.NextPayment;
        PaymentBefore = before.ChangedPayment;
        PaymentAfter = after.ChangedPayment;
        InterestBefore = before.Interest;
        InterestAfter = after.Interest;
        WindowInterestBefore = before.WindowInterest;
        WindowInterestAfter = after.WindowInterest;
        Balance = before.Balance;
        MaturityBefore = before.Maturity;
        MaturityAfter = after.Maturity;
        NextRateChange = after.NextRateChange;
    }

    /// <summary>The loan's position in the book, from 1.</summary>
    public long Row { get; }

    /// <summary>The loan's id; null when a row failed before its id could be read.</summary>
    public string? Id { get; }

    /// <summary>Why the loan could not be priced (the library's message); null when it was priced.</summary>
    public string? Failure { get; }

    /// <summary>True when the loan was priced (<see cref="Failure"/> is null).</summary>
    public bool IsPriced => Failure is null;

    /// <summary>The payment in force at the valuation date (<see cref="LoanTotals.NextPayment"/>, before the scenario); 0 when none is due.</summary>
    public decimal PaymentNow { get; }

    /// <summary>The payment without the scenario after the loan's next rate change (<see cref="LoanTotals.PaymentAfterRateChange"/>),
    /// or the next payment when its rate does not change again; 0 when none is due.</summary>
    public decimal PaymentBefore { get; }

    /// <summary>The payment under the scenario once its rates apply: the payment after the loan's next rate change
    /// (<see cref="LoanTotals.PaymentAfterRateChange"/>), or the next payment when its rate does not change again; 0 when none is due.</summary>
    public decimal PaymentAfter { get; }

    /// <summary>The whole life's interest before the scenario: <see cref="Schedule.TotalInterest"/>.</summary>
    public decimal InterestBefore { get; }

    /// <summary>The whole life's interest under the scenario: <see cref="Schedule.TotalInterest"/> of the changed loan.</summary>
    public decimal InterestAfter { get; }

    /// <summary>The interest of the rows dated in the window, before the scenario.</summary>
    public decimal WindowInterestBefore { get; }

    /// <summary>The interest of the rows dated in the window, under the scenario.</summary>
    public decimal WindowInterestAfter { get; }

    /// <summary>The balance owed at the start of the valuation date.</summary>
    public decimal Balance { get; }

    /// <summary>The date of the last row before the scenario.</summary>
    public LocalDate MaturityBefore { get; }

    /// <summary>The date of the last row under the scenario.</summary>
    public LocalDate MaturityAfter { get; }

    /// <summary>The date of the loan's next rate change after the valuation date under the scenario (the earliest
    /// leg's); null when none.</summary>
    public LocalDate? NextRateChange { get; }

    /// <summary>The result in one line.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Failure is { } f
        ? $"#{Row} {Id}: not priced: {f}"
        : string.Create(CultureInfo.InvariantCulture, $"#{Row} {Id}: payment {PaymentBefore} -> {PaymentAfter}, interest {InterestBefore} -> {InterestAfter}");

    /// <summary>A loan's figures summed over its legs.</summary>
    internal readonly record struct Figures(decimal NextPayment, decimal ChangedPayment, decimal Interest, decimal WindowInterest,
        decimal Balance, LocalDate Maturity, LocalDate? NextRateChange)
    {
        internal static Figures Of(IEnumerable<LoanTotals> legs)
        {
            decimal next = 0, changed = 0, interest = 0, window = 0, balance = 0;
            LocalDate maturity = default;
            LocalDate? change = null;
            bool first = true;
            foreach (LoanTotals t in legs)
            {
                next += t.NextPayment ?? 0m;
                changed += t.PaymentAfterRateChange ?? t.NextPayment ?? 0m;
                interest += t.TotalInterest;
                window += t.WindowInterest ?? 0m;
                balance += t.BalanceAsOf ?? 0m;
                maturity = first || t.Maturity > maturity ? t.Maturity : maturity;
                if (t.NextRateChange is { } c && (change is null || c.EffectiveDate < change))
                {
                    change = c.EffectiveDate;
                }

                first = false;
            }

            return new(next, changed, interest, window, balance, maturity, change);
        }
    }
}

/// <summary>Where a repricing run is: loans read, priced and not priced so far.</summary>
/// <param name="Read">Loans read from the book.</param>
/// <param name="Priced">Loans priced.</param>
/// <param name="Failed">Loans that could not be priced.</param>
public readonly record struct RepricingProgress(long Read, long Priced, long Failed);
