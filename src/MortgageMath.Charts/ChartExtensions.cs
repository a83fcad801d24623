using MortgageMath.Affordability;
using MortgageMath.Servicing;
using NodaTime;

namespace MortgageMath.Charts;

/// <summary>
/// The entry points from a script: <c>schedule.Chart().Balance().SaveSvg("balance.svg")</c>,
/// <c>combined.Chart().Balance()</c> (one line per leg), <c>comparison.Chart().CumulativeInterest()</c> (without and
/// with the prepayment), <c>account.Chart()</c>, <c>rates.Chart(RateIndex.Lpr5Y)</c>, and
/// <see cref="AffordabilityFrontier"/>.
/// </summary>
public static class ChartExtensions
{
    /// <summary>Charts of this schedule; add others to compare with <see cref="ScheduleChart.And"/> (this one is then
    /// named "This loan" in the legend).</summary>
    /// <param name="schedule">The schedule.</param>
    /// <param name="options">Size, culture, currency (<see cref="ChartOptions.Default"/> when null).</param>
    public static ScheduleChart Chart(this Schedule schedule, ChartOptions? options = null) =>
        ScheduleChart.Of(Texts.Get("Series.ThisLoan", (options ?? ChartOptions.Default).Culture), schedule, options);

    /// <summary>Charts of a combined loan's legs on shared axes, each named as in the loan (e.g. commercial, provident-fund).</summary>
    /// <param name="schedule">The combined schedule.</param>
    /// <param name="options">Size, culture, currency.</param>
    public static ScheduleChart Chart(this CombinedSchedule schedule, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return ScheduleChart.OfMany(schedule.Loan.Legs.Select((leg, i) => (leg.Name, schedule.Legs[i])).ToArray(), options);
    }

    /// <summary>Charts of a prepayment comparison: the schedule without the prepayment, then with it.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="options">Size, culture, currency.</param>
    public static ScheduleChart Chart(this PrepaymentComparison comparison, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var culture = (options ?? ChartOptions.Default).Culture;
        return ScheduleChart.OfMany(
            [(Texts.Get("Series.WithoutPrepayment", culture), comparison.Baseline), (Texts.Get("Series.WithPrepayment", culture), comparison.Alternative)],
            options);
    }

    /// <summary>Charts of several prepayment strategies on one loan (e.g. from <see cref="PrepaymentComparison.Strategies"/>):
    /// the schedule without the prepayment, then the schedule of each strategy, named by its option.</summary>
    /// <param name="comparisons">The comparisons, at least one, all against the same schedule without the prepayment.</param>
    /// <param name="options">Size, culture, currency.</param>
    /// <exception cref="ArgumentException">No comparison, or comparisons against different baselines.</exception>
    public static ScheduleChart Chart(this IReadOnlyList<PrepaymentComparison> comparisons, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        if (comparisons.Count == 0 || comparisons.Any(c => !c.Baseline.Equals(comparisons[0].Baseline)))
        {
            throw new ArgumentException("At least one comparison, all against the same schedule without the prepayment.", nameof(comparisons));
        }

        var culture = (options ?? ChartOptions.Default).Culture;
        return ScheduleChart.OfMany(
            [
                (Texts.Get("Series.WithoutPrepayment", culture), comparisons[0].Baseline),
                .. comparisons.Select((c, i) => (c.Option is { } option ? Texts.Format("Series.PrepaidWith", culture, OptionName(option, culture)) : $"{Texts.Get("Series.WithPrepayment", culture)} {i + 1}", c.Alternative)),
            ],
            options);
    }

    /// <summary>An account as a collector sees it: the payments due (cumulative, by due date) against the payments
    /// received (cumulative, by date) up to the as-of date, which is marked; the gap between the lines is the arrears.</summary>
    /// <param name="account">The account.</param>
    /// <param name="options">Size, culture, currency.</param>
    public static Chart Chart(this LoanAccount account, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        ChartOptions o = options ?? ChartOptions.Default;
        var dueX = new List<double> { ScheduleChart.X(account.Loan.Disbursement) };
        var dueY = new List<double> { 0 };
        decimal due = 0m;
        foreach (AccountInstalment instalment in account.Instalments.Where(i => i.DueDate <= account.AsOf).OrderBy(i => i.DueDate))
        {
            due += instalment.DuePayment;
            dueX.Add(ScheduleChart.X(instalment.DueDate));
            dueY.Add((double)due);
        }

        var paidX = new List<double> { ScheduleChart.X(account.Loan.Disbursement) };
        var paidY = new List<double> { 0 };
        decimal paid = 0m;
        foreach (ReceivedPayment payment in account.Payments.Where(p => p.Date <= account.AsOf).OrderBy(p => p.Date))
        {
            paid += payment.Amount;
            paidX.Add(ScheduleChart.X(payment.Date));
            paidY.Add((double)paid);
        }

        // Both totals hold until the as-of date.
        dueX.Add(ScheduleChart.X(account.AsOf));
        dueY.Add(dueY[^1]);
        paidX.Add(ScheduleChart.X(account.AsOf));
        paidY.Add(paidY[^1]);
        string asOf = account.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new Chart(
            new ChartModel(ChartKind.Account, Texts.Format("Chart.Account.Title", o.Culture, asOf), Texts.Get("Axis.Date", o.Culture),
                Texts.Format("Axis.Amount", o.Culture, o.Currency), AxisKind.Date, AxisKind.Amount,
                [
                    new ChartSeries(Texts.Get("Series.Due", o.Culture), [.. dueX], [.. dueY], Step: true),
                    new ChartSeries(Texts.Get("Series.Received", o.Culture), [.. paidX], [.. paidY], Step: true),
                ],
                [new ChartMarker(ScheduleChart.X(account.AsOf), Texts.Format("Series.AsOf", o.Culture, asOf))]),
            o);
    }

    /// <summary>A reference rate's fixings as a step line (e.g. the 5-year LPR), optionally within a date range; the
    /// last fixing holds to <paramref name="to"/> when given.</summary>
    /// <param name="rates">The rate table.</param>
    /// <param name="index">The index (e.g. <see cref="RateIndex.Lpr5Y"/>).</param>
    /// <param name="from">The first date shown (the fixing in force then starts the line); all when null.</param>
    /// <param name="to">The last date shown; the last fixing when null.</param>
    /// <param name="options">Size, culture, currency.</param>
    /// <exception cref="ArgumentException">The table has no fixing of <paramref name="index"/> in the range.</exception>
    public static Chart Chart(this RateTable rates, RateIndex index, LocalDate? from = null, LocalDate? to = null, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rates);
        ArgumentNullException.ThrowIfNull(index);
        ChartOptions o = options ?? ChartOptions.Default;
        IReadOnlyList<RateFixing> fixings = rates.Fixings(index);
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (RateFixing fixing in fixings)
        {
            if (to is { } end && fixing.EffectiveDate > end)
            {
                break;
            }

            if (from is { } start && fixing.EffectiveDate < start)
            {
                xs.Clear();
                ys.Clear();
                xs.Add(ScheduleChart.X(start)); // the fixing in force on the first day
                ys.Add((double)fixing.Value.ToPercent());
                continue;
            }

            xs.Add(ScheduleChart.X(fixing.EffectiveDate));
            ys.Add((double)fixing.Value.ToPercent());
        }

        if (xs.Count == 0)
        {
            throw new ArgumentException($"The rate table has no fixing of {index.Name} in the range.", nameof(index));
        }

        if (to is { } last && ScheduleChart.X(last) > xs[^1])
        {
            xs.Add(ScheduleChart.X(last));
            ys.Add(ys[^1]);
        }

        return new Chart(
            new ChartModel(ChartKind.IndexHistory, Texts.Format("Chart.IndexHistory.Title", o.Culture, index.Name), Texts.Get("Axis.Date", o.Culture),
                Texts.Get("Axis.Rate", o.Culture), AxisKind.Date, AxisKind.Percent,
                [new ChartSeries(index.Name, [.. xs], [.. ys], Step: true)], []),
            o);
    }

    /// <summary>
    /// The affordability frontier: for each monthly income, the largest loan <paramref name="policy"/> allows the
    /// household (its income replaced by that figure, split as its borrowers' incomes are) on these terms
    /// (<see cref="AffordabilitySolver.MaxLoan(AffordabilityPolicy, Household, Loan)"/>); 0 where no loan qualifies.
    /// </summary>
    /// <param name="policy">The lending policy (e.g. <see cref="AffordabilityPolicy.ChinaCommercial"/>).</param>
    /// <param name="household">The household (debts, age, housing costs).</param>
    /// <param name="terms">The loan's terms; its principal is what the solver varies.</param>
    /// <param name="monthlyIncomes">The incomes to solve for, at least 2, each above 0, in increasing order.</param>
    /// <param name="options">Size, culture, currency.</param>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than 2 incomes, an income of 0 or less, or incomes not increasing.</exception>
    public static Chart AffordabilityFrontier(AffordabilityPolicy policy, Household household, Loan terms, IEnumerable<decimal> monthlyIncomes, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(monthlyIncomes);
        decimal[] incomes = monthlyIncomes.ToArray();
        if (incomes.Length < 2 || incomes.Any(i => i <= 0) || incomes.Zip(incomes.Skip(1)).Any(p => p.Second <= p.First))
        {
            throw new ArgumentOutOfRangeException(nameof(monthlyIncomes), string.Join(", ", incomes),
                "At least 2 monthly incomes, each above 0, in increasing order.");
        }

        ChartOptions o = options ?? ChartOptions.Default;
        double[] loans = incomes
            .Select(income => (double)(AffordabilitySolver.MaxLoan(policy, household.WithMonthlyIncome(income), terms).Value ?? 0m))
            .ToArray();
        return new Chart(
            new ChartModel(ChartKind.AffordabilityFrontier, Texts.Get("Chart.Frontier.Title", o.Culture),
                Texts.Format("Axis.MonthlyIncome", o.Culture, o.Currency), Texts.Format("Axis.MaxLoan", o.Culture, o.Currency),
                AxisKind.Amount, AxisKind.Amount,
                [new ChartSeries(Texts.Get("Series.MaxLoan", o.Culture), incomes.Select(i => (double)i).ToArray(), loans)], []),
            o);
    }

    /// <summary>A prepayment option as the legend names it: 减少月供, 缩短期限, … in Chinese; its spec name in English
    /// (<c>lower-payment</c>); a new term as written (<c>new-term(120)</c>).</summary>
    private static string OptionName(PrepaymentOption option, System.Globalization.CultureInfo culture) =>
        option.Equals(PrepaymentOption.LowerPayment) ? Texts.Get("Option.LowerPayment", culture)
        : option.Equals(PrepaymentOption.ShortenTerm) ? Texts.Get("Option.ShortenTerm", culture)
        : option.Equals(PrepaymentOption.ShortenTermKeepPayment) ? Texts.Get("Option.ShortenTermKeepPayment", culture)
        : option.ToString() ?? "";
}
