using NodaTime;

namespace MortgageMath;

/// <summary>
/// Two exact schedules of the same loan side by side, usually without and with prepayments in
/// <see cref="Loan.Events"/>: the interest, payments and cash each one costs, and what the prepayment saves. These
/// are the bank's figures (payments rounded to the minor unit, the last payment settling the residue); the
/// calculator's closed-form figures are in <see cref="PrepaymentQuote"/>. Create with <see cref="Compare"/> or
/// <see cref="Strategies"/>.
/// </summary>
/// <example>
/// <code>
/// var loan = new Loan(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));
/// foreach (PrepaymentComparison c in PrepaymentComparison.Strategies(loan, new LocalDate(2025, 3, 20), 200_000m))
/// {
///     Console.WriteLine($"{c.Option}: saves {c.InterestSaved}, {c.PeriodsSaved} payments fewer, new payment {c.NewPayment}");
/// }
/// </code>
/// </example>
public sealed partial class PrepaymentComparison
{
    private PrepaymentComparison(Schedule baseline, Schedule alternative, PrepaymentOption? option)
    {
        Baseline = baseline;
        Alternative = alternative;
        Option = option;
        NewPayment = FirstPaymentAfterLastPrepayment(alternative);
    }

    /// <summary>The schedule compared against (usually the loan without the prepayment).</summary>
    public Schedule Baseline { get; }

    /// <summary>The other schedule (usually the loan with the prepayment).</summary>
    public Schedule Alternative { get; }

    /// <summary>The prepayment option this comparison was made for by <see cref="Strategies"/>; null from <see cref="Compare"/>.</summary>
    public PrepaymentOption? Option { get; }

    /// <summary>Baseline total interest − alternative total interest (the interest collected with prepayment rows
    /// counts as interest); positive when the alternative costs less interest.</summary>
    public decimal InterestSaved => Baseline.TotalInterest - Alternative.TotalInterest;

    /// <summary>Baseline regular payments − alternative regular payments (<see cref="Schedule.RegularPayments"/>).</summary>
    public int PeriodsSaved => Baseline.RegularPayments - Alternative.RegularPayments;

    /// <summary>
    /// The payment of the alternative's first regular row after its last prepayment row, as the schedule shows it
    /// (after a prepayment between due dates that row's interest covers only the days since the prepayment); null
    /// when the alternative has no prepayment, ends with a payoff, or has no regular row after it.
    /// </summary>
    public decimal? NewPayment { get; }

    /// <summary>The alternative's penalties − the baseline's (<see cref="Schedule.TotalPenalty"/>).</summary>
    public decimal PenaltiesPaid => Alternative.TotalPenalty - Baseline.TotalPenalty;

    /// <summary>All the baseline pays: principal, interest and penalties (<see cref="Schedule.TotalPayment"/>).</summary>
    public decimal BaselineCashOut => Baseline.TotalPayment;

    /// <summary>All the alternative pays: principal, interest and penalties (<see cref="Schedule.TotalPayment"/>).</summary>
    public decimal AlternativeCashOut => Alternative.TotalPayment;

    /// <summary><see cref="BaselineCashOut"/> − <see cref="AlternativeCashOut"/>: the interest saved less the
    /// penalties paid (for the same loan the principal is the same).</summary>
    public decimal CashSaved => BaselineCashOut - AlternativeCashOut;

    /// <summary>Builds both schedules and compares them.</summary>
    /// <param name="baseline">The loan to compare against, usually without the prepayment.</param>
    /// <param name="alternative">The same loan with other events, usually with prepayments added.</param>
    /// <returns>The comparison.</returns>
    /// <exception cref="ArgumentNullException">A loan is null.</exception>
    /// <exception cref="ArgumentException">A schedule cannot be built (see <see cref="Loan.BuildSchedule"/>).</exception>
    public static PrepaymentComparison Compare(Loan baseline, Loan alternative)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(alternative);
        return new PrepaymentComparison(baseline.BuildSchedule(), alternative.BuildSchedule(), null);
    }

    /// <summary>
    /// Compares prepayment strategies: for each option, the loan with a partial prepayment of
    /// <paramref name="amount"/> on <paramref name="date"/> added to its events, against the loan as it is.
    /// </summary>
    /// <param name="loan">The loan as it is (its own events stay in both schedules).</param>
    /// <param name="date">The day of the prepayment.</param>
    /// <param name="amount">The principal prepaid.</param>
    /// <param name="options">The options to compare, in the order wanted; none means
    /// <see cref="PrepaymentOption.LowerPayment"/>, <see cref="PrepaymentOption.ShortenTerm"/> and
    /// <see cref="PrepaymentOption.ShortenTermKeepPayment"/>.</param>
    /// <returns>One comparison per option, in the order given, each with its <see cref="Option"/>.</returns>
    /// <exception cref="ArgumentNullException">The loan or the options array is null.</exception>
    /// <exception cref="ArgumentException">An option is null, or a schedule cannot be built.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not a valid prepayment (see <see cref="Prepayment.Partial"/>).</exception>
    public static IReadOnlyList<PrepaymentComparison> Strategies(Loan loan, LocalDate date, decimal amount, params PrepaymentOption[] options)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(options);
        PrepaymentOption[] chosen = options.Length == 0
            ? [PrepaymentOption.LowerPayment, PrepaymentOption.ShortenTerm, PrepaymentOption.ShortenTermKeepPayment]
            : [.. options.Select(o => o ?? throw new ArgumentException(Resources.LibraryText.Valid_OptionNull, nameof(options)))];

        Schedule baseline = loan.BuildSchedule();
        var results = new PrepaymentComparison[chosen.Length];
        for (int k = 0; k < chosen.Length; k++)
        {
            Loan alternative = loan with { Events = [.. loan.Events, Prepayment.Partial(date, amount, chosen[k])] };
            results[k] = new PrepaymentComparison(baseline, alternative.BuildSchedule(), chosen[k]);
        }

        return results;
    }

    private static decimal? FirstPaymentAfterLastPrepayment(Schedule schedule)
    {
        int last = -1;
        for (int k = schedule.Count - 1; k >= 0; k--)
        {
            if (schedule[k].Kind != InstallmentKind.Regular)
            {
                last = k;
                break;
            }
        }

        if (last < 0 || schedule[last].Kind == InstallmentKind.Payoff)
        {
            return null;
        }

        for (int k = last + 1; k < schedule.Count; k++)
        {
            if (schedule[k].Kind == InstallmentKind.Regular)
            {
                return schedule[k].Payment;
            }
        }

        return null;
    }
}
