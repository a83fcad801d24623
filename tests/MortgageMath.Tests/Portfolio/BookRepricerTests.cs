using MortgageMath.Portfolio;
using NodaTime;

namespace MortgageMath.Tests.Portfolio;

/// <summary>
/// Repricing a book: the interest columns are the schedules' <see cref="Schedule.TotalInterest"/> before and after
/// (the "after" schedule built independently from the loan with the scenario's table and events), results come in
/// book order whatever the threads, shared inputs are read concurrently safely, a bad record is reported with its row
/// and id and the run goes on, progress and cancellation work.
/// </summary>
public class BookRepricerTests
{
    private static readonly RateTable Table = RateTable.China.AssumingUnchangedUntil(new LocalDate(2080, 1, 1));
    private static readonly LocalDate Valuation = new(2026, 12, 5);
    private static readonly RateFixing Cut = new(RateIndex.Lpr5Y, new LocalDate(2026, 12, 22), Rate.Percent(3.40m), "scenario");
    private static readonly RepricingScenario Scenario = new(Valuation, [Cut]);

    private static Loan Floating(decimal principal, int spreadBp, int periods, LocalDate disbursed, RepricingRule? rule = null) =>
        new(principal, RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(spreadBp), rule ?? RepricingRule.EveryJanuary1), periods, disbursed)
        {
            Rates = Table,
        };

    /// <summary>A small varied book: floating (both rules), fixed, provident fund, combined, a prepaid loan.</summary>
    internal static List<BookLoan> SampleBook(int count)
    {
        var r = new Random(42);
        var book = new List<BookLoan>();
        for (int k = 0; k < count; k++)
        {
            var disbursed = new LocalDate(r.Next(2020, 2026), r.Next(1, 13), r.Next(1, 29));
            decimal principal = r.Next(200, 3000) * 1000m;
            int periods = r.Next(10, 31) * 12;
            Loan loan = (k % 5) switch
            {
                0 => new Loan(principal, Rate.Percent(4.1m), periods, disbursed),
                1 => Floating(principal, -r.Next(0, 60), periods, disbursed, RepricingRule.EveryAnniversary),
                2 => Floating(principal, r.Next(-30, 30), periods, disbursed) with
                {
                    Events = [Prepayment.Partial(disbursed.PlusMonths(30), 50_000m, PrepaymentOption.ShortenTerm)],
                },
                _ => Floating(principal, r.Next(-50, 10), periods, disbursed),
            };
            book.Add(k % 7 == 3
                ? new BookLoan($"C{k}", new CombinedLoan(new LoanLeg("commercial", loan),
                    new LoanLeg("provident-fund", new Loan(300_000m, RatePlan.ProvidentFund(RateIndex.ProvidentFundFirstHomeOver5Y), periods, disbursed) { Rates = Table })))
                : new BookLoan($"L{k}", loan, k % 2 == 0 ? "first-home" : null));
        }

        return book;
    }

    private static decimal InterestOf(BookLoan b) => b.Loan is { } l ? l.BuildSchedule().TotalInterest : b.Combined!.BuildSchedule().TotalInterest;

    [Fact]
    public void The_interest_columns_are_the_schedules_total_interest_before_and_after()
    {
        List<BookLoan> book = SampleBook(60);
        LoanRepricing[] results = [.. BookRepricer.Reprice(book, Scenario)];
        Assert.Equal(book.Count, results.Length);
        RateTable after = Table.WithFixing(Cut.Index, Cut.EffectiveDate, Cut.Value, Cut.Source);
        for (int k = 0; k < book.Count; k++)
        {
            LoanRepricing r = results[k];
            Assert.True(r.IsPriced, r.ToString());
            Assert.Equal(k + 1, r.Row);
            Assert.Equal(book[k].Id, r.Id);
            Assert.Equal(InterestOf(book[k]), r.InterestBefore);
            BookLoan changed = book[k].Loan is { } l
                ? new BookLoan(book[k].Id, l with { Rates = after })
                : new BookLoan(book[k].Id, new CombinedLoan(book[k].Combined!.Legs.Select(g => g with { Loan = g.Loan with { Rates = after } })));
            Assert.Equal(InterestOf(changed), r.InterestAfter);
        }

        // The LPR cut lowers the interest of the LPR-linked loans and leaves the fixed ones alone.
        Assert.Contains(results, r => r.InterestAfter < r.InterestBefore);
        Assert.Equal(results[0].InterestBefore, results[0].InterestAfter); // k = 0: fixed
    }

    [Fact]
    public void Payments_and_window_are_the_totals_of_the_loan_before_and_after()
    {
        Loan loan = Floating(1_000_000m, -30, 360, new LocalDate(2021, 3, 15));
        LoanRepricing r = BookRepricer.Price(new BookLoan("A", loan), Scenario);
        LoanTotals before = loan.Totals(Valuation, Valuation.PlusMonths(12));
        LoanTotals after = (loan with { Rates = Table.WithFixing(Cut.Index, Cut.EffectiveDate, Cut.Value) }).Totals(Valuation, Valuation.PlusMonths(12));
        Assert.Equal(before.NextPayment, r.PaymentNow);
        Assert.Equal(before.NextPayment, r.PaymentBefore); // no change ahead without the scenario
        Assert.Equal(new LocalDate(2027, 1, 1), after.NextRateChange!.Value.EffectiveDate);
        Assert.Equal(after.PaymentAfterRateChange, r.PaymentAfter);
        Assert.True(r.PaymentAfter < r.PaymentBefore, $"{r} {before} {after}");
        Assert.Equal(before.WindowInterest, r.WindowInterestBefore);
        Assert.Equal(after.WindowInterest, r.WindowInterestAfter);
        Assert.Equal(before.BalanceAsOf, r.Balance);
    }

    [Fact]
    public void Results_are_the_same_on_one_thread_and_on_all_with_shared_inputs()
    {
        // One loan instance many times (shared immutable inputs, one shared table) beside the varied book.
        Loan shared = Floating(800_000m, -20, 300, new LocalDate(2020, 5, 9));
        List<BookLoan> book = [.. SampleBook(300), .. Enumerable.Range(0, 5000).Select(k => new BookLoan($"S{k}", shared))];
        var scenario = new RepricingScenario(Valuation, [Cut], [new SpreadChange(RateIndex.Lpr5Y, Spread.FromBasisPoints(-10m), new LocalDate(2027, 1, 1))]);
        LoanRepricing[] one = [.. BookRepricer.Reprice(book, scenario, maxDegreeOfParallelism: 1)];
        LoanRepricing[] all = [.. BookRepricer.Reprice(book, scenario, maxDegreeOfParallelism: 4)];
        Assert.Equal(one, all);
        Assert.Equal(BookRepricer.Summarize(one), BookRepricer.Summarize(all));
    }

    [Fact]
    public void Loans_each_with_their_own_table_are_priced_on_their_own_tables()
    {
        // More distinct tables than the scenario caches: each loan's "after" is still its own table plus the cut.
        var book = Enumerable.Range(0, 100).Select(k => new BookLoan($"T{k}", Floating(600_000m, -10, 240, new LocalDate(2022, 1, 10)) with
        {
            Rates = Table.WithFixing(RateIndex.Lpr5Y, new LocalDate(2025, 1, 20).PlusDays(k), Rate.Percent(3.5m + (k / 1000m))),
        })).ToList();
        LoanRepricing[] results = [.. BookRepricer.Reprice(book, Scenario)];
        for (int k = 0; k < book.Count; k += 33)
        {
            Loan after = book[k].Loan! with { Rates = book[k].Loan!.Rates.WithFixing(Cut.Index, Cut.EffectiveDate, Cut.Value, Cut.Source) };
            Assert.Equal(after.BuildSchedule().TotalInterest, results[k].InterestAfter);
        }
    }

    [Fact]
    public void A_bad_record_is_reported_with_its_row_and_id_and_the_run_goes_on()
    {
        string[] records = ["good-1", "bad-2", "good-3"];
        Loan loan = Floating(500_000m, 0, 240, new LocalDate(2022, 1, 10));
        LoanRepricing[] results = [.. BookRepricer.Reprice(records,
            id => id.StartsWith("bad", StringComparison.Ordinal) ? new BookLoan(id, loan with { Principal = 1.001m }) : new BookLoan(id, loan),
            id => id, Scenario)];
        Assert.True(results[0].IsPriced);
        Assert.False(results[1].IsPriced);
        Assert.Equal(2, results[1].Row);
        Assert.Equal("bad-2", results[1].Id);
        Assert.Contains("decimal places", results[1].Failure);
        Assert.True(results[2].IsPriced);
        RepricingSummary summary = BookRepricer.Summarize(results);
        Assert.Equal((3L, 2L, 1L), (summary.Read, summary.Priced, summary.Failed));
        Assert.Equal(summary.Priced, summary.PaymentChangeBuckets.Sum());
    }

    [Fact]
    public void An_unreadable_record_is_reported_with_its_row_even_without_an_id()
    {
        LoanRepricing[] results = [.. BookRepricer.Reprice(["{"], _ => throw new FormatException("not a loan"), _ => throw new FormatException("no id"), Scenario)];
        Assert.Equal((1L, null, "not a loan"), (results[0].Row, results[0].Id, results[0].Failure));
    }

    [Fact]
    public void Progress_is_reported_per_chunk_and_cancellation_stops_the_run()
    {
        Loan loan = Floating(500_000m, 0, 240, new LocalDate(2022, 1, 10));
        IEnumerable<BookLoan> book = Enumerable.Range(0, BookRepricer.ChunkSize + 10).Select(k => new BookLoan($"L{k}", loan));
        var reports = new List<RepricingProgress>();
        var progress = new SynchronousProgress(reports.Add);
        Assert.Equal(BookRepricer.ChunkSize + 10, BookRepricer.Reprice(book, Scenario, progress).Count());
        Assert.Equal([new RepricingProgress(BookRepricer.ChunkSize, BookRepricer.ChunkSize, 0), new RepricingProgress(BookRepricer.ChunkSize + 10, BookRepricer.ChunkSize + 10, 0)], reports);

        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => BookRepricer.Reprice(book, Scenario, cancellationToken: cancel.Token).Count());
    }

    [Fact]
    public void A_spread_change_applies_to_its_class_only_and_not_below_its_floor()
    {
        var date = new LocalDate(2027, 1, 1);
        var change = new SpreadChange(RateIndex.Lpr5Y, Spread.FromBasisPoints(-50m), date, NotBelow: Spread.FromBasisPoints(-30m), Segment: "first-home");
        var scenario = new RepricingScenario(Valuation, [], [change]);
        Loan high = Floating(1_000_000m, 20, 360, new LocalDate(2021, 3, 15));
        Loan low = Floating(1_000_000m, -40, 360, new LocalDate(2021, 3, 15));

        LoanRepricing lowered = BookRepricer.Price(new BookLoan("a", high, "first-home"), scenario);
        Loan expected = high with { Events = [RateEvent.SpreadChange(date, Spread.FromBasisPoints(-30m))] };
        Assert.Equal(expected.BuildSchedule().TotalInterest, lowered.InterestAfter);
        Assert.True(lowered.InterestAfter < lowered.InterestBefore);

        LoanRepricing otherSegment = BookRepricer.Price(new BookLoan("b", high, "second-home"), scenario);
        Assert.Equal(otherSegment.InterestBefore, otherSegment.InterestAfter);
        LoanRepricing belowFloor = BookRepricer.Price(new BookLoan("c", low, "first-home"), scenario);
        Assert.Equal(belowFloor.InterestBefore, belowFloor.InterestAfter);
    }

    [Fact]
    public void A_prepayment_rate_prepays_that_share_of_the_balance_each_year()
    {
        var loan = new Loan(1_000_000m, Rate.Percent(4.9m), 120, new LocalDate(2024, 3, 20));
        var scenario = new RepricingScenario(Valuation, [], prepaymentRate: Rate.Percent(10m), prepaymentOption: PrepaymentOption.LowerPayment);
        LoanRepricing r = BookRepricer.Price(new BookLoan("p", loan), scenario);

        // The same prepayments worked out from schedules: 10% of the balance after each anniversary's payment.
        Loan expected = loan;
        for (int year = 1; Valuation.PlusMonths(12 * year) < expected.BuildSchedule().Last.DueDate; year++)
        {
            LocalDate date = Valuation.PlusMonths(12 * year);
            decimal balance = expected.BuildSchedule().Where(row => row.DueDate <= date).Last().ClosingBalance;
            expected = expected with { Events = [.. expected.Events, Prepayment.Partial(date, Math.Round(balance * 0.10m, 2, MidpointRounding.AwayFromZero), PrepaymentOption.LowerPayment)] };
        }

        Assert.Equal(7, expected.Events.Count);
        Assert.Equal(expected.BuildSchedule().TotalInterest, r.InterestAfter);
        Assert.True(r.InterestAfter < r.InterestBefore);
    }

    [Fact]
    public void Payment_change_buckets_run_in_the_order_of_the_changes()
    {
        string[] labels = [.. Enumerable.Range(0, RepricingSummary.BucketBounds.Count + 2).Select(RepricingSummary.BucketLabel)];
        Assert.Equal(["<= -1000", "(-1000, -500]", "(-500, -200]", "(-200, -100]", "(-100, -50]", "(-50, -10]", "(-10, 0)", "0",
            "(0, 10]", "(10, 50]", "(50, 100]", "(100, 200]", "(200, 500]", "(500, 1000]", "> 1000"], labels);
        (decimal Change, string Label)[] cases =
            [(-1000.01m, "<= -1000"), (-1000m, "<= -1000"), (-999.99m, "(-1000, -500]"), (-10m, "(-50, -10]"), (-0.01m, "(-10, 0)"),
             (0m, "0"), (0.01m, "(0, 10]"), (10m, "(0, 10]"), (1000m, "(500, 1000]"), (1000.01m, "> 1000")];
        Assert.All(cases, c => Assert.Equal(c.Label, RepricingSummary.BucketLabel(RepricingSummary.BucketOf(c.Change))));
    }

    [Fact]
    public void Bad_arguments_are_refused_naming_them()
    {
        Assert.Equal("windowMonths", Assert.Throws<ArgumentOutOfRangeException>(() => new RepricingScenario(Valuation, [], windowMonths: -1)).ParamName);
        Assert.Equal("prepaymentRate", Assert.Throws<ArgumentOutOfRangeException>(() => new RepricingScenario(Valuation, [], prepaymentRate: Rate.Percent(100m))).ParamName);
        Assert.Equal("maxDegreeOfParallelism", Assert.Throws<ArgumentOutOfRangeException>(() => BookRepricer.Reprice([], Scenario, maxDegreeOfParallelism: -1)).ParamName);
        Assert.Equal("id", Assert.Throws<ArgumentException>(() => new BookLoan("", new Loan(1m, Rate.Zero, 1, Valuation))).ParamName);
    }

    private sealed class SynchronousProgress(Action<RepricingProgress> report) : IProgress<RepricingProgress>
    {
        public void Report(RepricingProgress value) => report(value);
    }
}
