using System.Text.Json.Serialization;
namespace MortgageMath;

/// <summary>
/// The figures a combined-loan calculator prints: each leg's own <see cref="LoanQuote"/> and their sums. Every
/// combined figure is the sum of the legs' figures, each computed and rounded by its own leg: never a figure of one
/// loan at a blended rate (TV-9: 2,970.14 + 1,201.02 = 4,171.16 a month).
/// </summary>
public sealed partial class CombinedQuote
{
    private readonly LoanQuote[] _legs;

    internal CombinedQuote(CombinedLoan loan, Schedule[] schedules)
    {
        Loan = loan;
        _legs = new LoanQuote[schedules.Length];
        decimal payment = 0m, formula = 0m, scheduleTotal = 0m;
        decimal? rounded = 0m;
        for (int k = 0; k < schedules.Length; k++)
        {
            LoanQuote quote = schedules[k].Quote;
            _legs[k] = quote;
            payment += quote.Payment;
            formula += quote.FormulaTotalInterest;
            scheduleTotal += quote.ScheduleTotalInterest;
            rounded = rounded is { } r && quote.RoundedPaymentTotalInterest is { } q ? r + q : null;
        }

        Legs = Array.AsReadOnly(_legs);
        Payment = payment;
        FormulaTotalInterest = formula;
        RoundedPaymentTotalInterest = rounded;
        ScheduleTotalInterest = scheduleTotal;
    }

    /// <summary>The combined loan quoted.</summary>
    [JsonIgnore] // the caller has the loan; serialized results leave it out (docs/export.md)
    public CombinedLoan Loan { get; }

    /// <summary>Each leg's quote, in the order of <see cref="CombinedLoan.Legs"/>.</summary>
    public IReadOnlyList<LoanQuote> Legs { get; }

    /// <summary>The monthly payment: the sum of the legs' rounded <see cref="LoanQuote.Payment"/> (for an
    /// equal-principal leg its first month's payment).</summary>
    public decimal Payment { get; }

    /// <summary>The sum of the legs' <see cref="LoanQuote.FormulaTotalInterest"/>.</summary>
    public decimal FormulaTotalInterest { get; }

    /// <summary>The sum of the legs' <see cref="LoanQuote.RoundedPaymentTotalInterest"/>; null when any leg is equal principal.</summary>
    public decimal? RoundedPaymentTotalInterest { get; }

    /// <summary>The sum of the legs' <see cref="LoanQuote.ScheduleTotalInterest"/> (= <see cref="CombinedSchedule.TotalInterest"/>).</summary>
    public decimal ScheduleTotalInterest { get; }

    /// <summary>The quote of the leg named <paramref name="name"/> (ignoring case).</summary>
    /// <param name="name">The leg's name.</param>
    /// <returns>The leg's quote.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentException">No leg has that name.</exception>
    public LoanQuote Leg(string name) => _legs[Loan.IndexOf(name)];

    /// <summary>Total interest by the named convention: the sum of the legs' totals by that convention.</summary>
    /// <param name="convention">How each leg's total is formed.</param>
    /// <returns>The total interest.</returns>
    /// <exception cref="ArgumentException">The convention does not apply to a leg's method; the message names the leg.</exception>
    public decimal TotalInterest(TotalInterestConvention convention)
    {
        if (convention == TotalInterestConvention.RoundedPayment && RoundedPaymentTotalInterest is null)
        {
            int at = Array.FindIndex(_legs, q => q.RoundedPaymentTotalInterest is null);
            throw new ArgumentException(
                Resources.Localized.Format(Resources.LibraryText.Valid_RoundedPaymentTotalLeg, Loan.Legs[at].Name, _legs[at].Loan.Method.Name),
                nameof(convention));
        }

        return convention switch
        {
            TotalInterestConvention.Formula => FormulaTotalInterest,
            TotalInterestConvention.Schedule => ScheduleTotalInterest,
            TotalInterestConvention.RoundedPayment => RoundedPaymentTotalInterest!.Value,
            _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, Resources.LibraryText.Valid_TotalInterestConvention),
        };
    }
}
