using System.Globalization;
using NodaTime;

namespace MortgageMath.Tests.Mutation;

/// <summary>
/// Tests written to kill mutants of the Loans/ folder that survived Stryker.NET (run of 2026-12-05, 85.01%;
/// docs/testing.md): the validation of <see cref="Loan"/>, <see cref="RepaymentMethod"/>, <see cref="ProvidentFundCap"/>,
/// <see cref="CombinedLoan"/> and <see cref="PurchaseSplit"/> (messages, parameter names, boundaries), and which event
/// a <see cref="LoanEventException"/> names. Each test names the mutants it kills (file:line:column and the mutation).
/// Expected messages are the documented contract: the parameter, the value and the range.
/// </summary>
public class LoansSurvivorTests
{
    private static LocalDate D(int y, int m, int d) => new(y, m, d);

    private static readonly Loan Plain = new(120_000m, Rate.Percent(4.9m), 120, new LocalDate(2025, 1, 15));

    // ---- Loan.cs: null terms name the term and say what to use instead ----

    /// <summary>Kills Loan.cs:80:84, 90:82, 99:63, 139:93, 146:91, 223:82, 230:84 (each message → "").</summary>
    [Fact]
    public void Null_loan_terms_throw_ArgumentNullException_naming_the_term_and_saying_why()
    {
        AssertNull(() => new Loan(1m, (RatePlan)null!, 12, D(2025, 1, 15)), "RatePlan", "The rate plan must not be null.");
        AssertNull(() => Plain with { Rates = null! }, "Rates", "The rate table must not be null.");
        AssertNull(() => Plain with { Events = null! }, "Events", "The event list must not be null; use an empty list.");
        AssertNull(() => Plain with { PrepaymentPenalty = null! }, "PrepaymentPenalty", "The penalty policy must not be null; use PrepaymentPenalty.None.");
        AssertNull(() => Plain with { PrepaymentRules = null! }, "PrepaymentRules", "The prepayment rules must not be null; use PrepaymentRules.None.");
        AssertNull(() => Plain with { Method = null! }, "Method", "The repayment method must not be null.");
        AssertNull(() => Plain with { Rounding = null! }, "Rounding", "The rounding policy must not be null.");

        static void AssertNull(Func<object> make, string param, string message)
        {
            ArgumentNullException e = Assert.Throws<ArgumentNullException>(make);
            Assert.Equal(param, e.ParamName);
            Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Kills Loan.cs:100:83 (the message of a null event → "").</summary>
    [Fact]
    public void A_null_event_in_the_list_is_an_ArgumentException_on_Events_saying_so()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => Plain with { Events = [Prepayment.Partial(D(2026, 1, 15), 1_000m, PrepaymentOption.LowerPayment), null!] });
        Assert.Equal("Events", e.ParamName);
        Assert.StartsWith("An event must not be null.", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Kills Loan.cs:111:17 (the throw of an undefined RateChangeInterest removed: the value would be kept),
    /// 112:21 and 128:21 (the messages → $"").</summary>
    [Fact]
    public void Undefined_interest_policies_are_refused_naming_the_allowed_values_and_the_value()
    {
        var rc = Assert.Throws<ArgumentOutOfRangeException>(() => Plain with { RateChangeInterest = (RateChangeInterest)7 });
        Assert.Equal("RateChangeInterest", rc.ParamName);
        Assert.Equal((RateChangeInterest)7, rc.ActualValue);
        Assert.StartsWith("The rate-change interest policy must be SplitByActualDays or NewRateForWholePeriod; was 7.", rc.Message, StringComparison.Ordinal);

        var pi = Assert.Throws<ArgumentOutOfRangeException>(() => Plain with { PrepaymentInterest = (PrepaymentInterest)9 });
        Assert.Equal("PrepaymentInterest", pi.ParamName);
        Assert.StartsWith("The prepayment-interest policy must be AccruedOnBalance, AccruedOnPrepaidAmount or None; was 9.", pi.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Kills Loan.cs:322:92 (<c>Events.Count &gt; 0 ? Events[0] : null</c> → <c>false ? … : null</c>): loans that differ
    /// only in their single event must not all hash alike. Five different prepayments; under the mutant all five give
    /// one hash code, while five distinct values colliding in one 32-bit hash is practically impossible.
    /// </summary>
    [Fact]
    public void Loans_differing_only_in_their_first_event_hash_differently()
    {
        int[] hashes = [.. Enumerable.Range(1, 5).Select(k => (Plain with
        {
            Events = [Prepayment.Partial(D(2026, 1, 15), 1_000m * k, PrepaymentOption.LowerPayment)],
        }).GetHashCode())];
        Assert.True(hashes.Distinct().Count() > 1, string.Join(", ", hashes));
    }

    // ---- LoanEventException.cs: the index is the instance's, not the first equal event's ----

    /// <summary>
    /// Kills LoanEventException.cs:47:13 (the first loop's <c>return i;</c> block removed: the index would fall to the
    /// second loop, the first EQUAL event). Two equal prepayments of 70,000 on the same day on a 120,000 loan: the first
    /// fits, the second is larger than the balance then, so the error is the event at index 1, not 0.
    /// </summary>
    [Fact]
    public void Error_of_the_second_of_two_equal_events_names_index_1()
    {
        Prepayment first = Prepayment.Partial(D(2026, 1, 15), 70_000m, PrepaymentOption.LowerPayment);
        Prepayment second = Prepayment.Partial(D(2026, 1, 15), 70_000m, PrepaymentOption.LowerPayment);
        Assert.Equal(first, second);
        Loan loan = Plain with { Events = [first, second] };
        LoanEventException e = Assert.Throws<LoanEventException>(() => loan.BuildSchedule());
        Assert.Equal(1, e.EventIndex);
        Assert.Equal(D(2026, 1, 15), e.EventDate);
    }

    // ---- RepaymentMethod.cs: factory messages ----

    /// <summary>Kills RepaymentMethod.cs:48:17 (the balloon term's message → $"").</summary>
    [Fact]
    public void Balloon_term_out_of_range_message_names_the_range_and_the_value()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RepaymentMethod.Balloon(601));
        Assert.Equal("amortizationPeriods", e.ParamName);
        Assert.StartsWith("The amortization term must be between 1 and 600 periods; was 601.", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Kills RepaymentMethod.cs:69:17 (the message → $"") and 69:68 (<c>Loan.MaxPeriods - 1</c> →
    /// <c>+ 1</c> in the message: 601 instead of 599).</summary>
    [Fact]
    public void Interest_only_periods_out_of_range_message_says_0_to_599_and_the_value()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => RepaymentMethod.InterestFirst(600));
        Assert.Equal("interestOnlyPeriods", e.ParamName);
        Assert.StartsWith("The interest-only periods must be between 0 and 599; was 600.", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Kills RepaymentMethod.cs:81:41 (the message of a wrong method after interest only → $"").</summary>
    [Fact]
    public void Interest_first_then_a_balloon_message_names_the_allowed_methods_and_the_given_one()
    {
        var e = Assert.Throws<ArgumentException>(() => RepaymentMethod.InterestFirst(12, RepaymentMethod.Balloon(240)));
        Assert.Equal("then", e.ParamName);
        Assert.StartsWith("After the interest-only periods the loan must amortize by equal installment or equal principal; was balloon(240).", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Kills RepaymentMethod.cs:321:21 (the message of a minimum principal finer than the rounding → $"").</summary>
    [Fact]
    public void Minimum_principal_finer_than_the_rounding_is_refused_with_both_in_the_message()
    {
        Loan loan = Plain with { Method = RepaymentMethod.InterestFirst(12, null, 0.001m) };
        var e = Assert.Throws<ArgumentException>(() => loan.BuildSchedule());
        Assert.Equal("Method", e.ParamName);
        Assert.StartsWith("The minimum principal 0.001 has more decimal places than the rounding policy keeps (2).", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Kills RepaymentMethod.cs:262:56 (a balloon's <c>RestartsOnRateChange =&gt; true</c> → <c>false</c>: the payment
    /// would stay at the old rate's). TV-10's balloon (1,000,000, balloon(240), 60 months) at 5% for 12 periods, then 6%:
    /// the payment is re-levelled on the balance after payment 12 over the 228 periods left of the amortization term,
    /// computed here from the annuity formula in decimal arithmetic.
    /// </summary>
    [Fact]
    public void Balloon_payment_is_relevelled_over_the_rest_of_its_amortization_term_when_the_rate_changes()
    {
        Loan loan = new(1_000_000m, RatePlan.Stepped(RatePlan.Fixed(Rate.Percent(5m)), 12, RatePlan.Fixed(Rate.Percent(6m))), 60, D(2025, 1, 15))
        {
            Method = RepaymentMethod.Balloon(240),
        };
        Schedule s = loan.BuildSchedule();
        Assert.Equal(6_599.56m, s[0].Payment); // TV-10
        decimal balance = 1_000_000m;
        for (int k = 0; k < 12; k++)
        {
            balance -= 6_599.56m - decimal.Round(balance * 0.05m / 12m, 2, MidpointRounding.AwayFromZero);
        }

        Assert.Equal(balance, s[11].ClosingBalance);
        decimal growth = 1m;
        for (int k = 0; k < 228; k++)
        {
            growth *= 1.005m;
        }

        decimal payment = decimal.Round(balance * 0.005m * growth / (growth - 1m), 2, MidpointRounding.AwayFromZero);
        Assert.NotEqual(6_599.56m, payment);
        Assert.Equal(payment, s[12].Payment);
        Assert.Equal(payment, s[58].Payment);
    }

    /// <summary>
    /// Kills RepaymentMethod.cs:334:89 (the interest-only phase's name "interest-only" → ""): a restructuring during
    /// the interest-only periods of an interest-first loan is refused, and the message says which method is in force
    /// then: the phase, not the loan's whole method.
    /// </summary>
    [Fact]
    public void Restructuring_during_interest_only_periods_names_the_interest_only_phase()
    {
        Loan loan = Plain with
        {
            Method = RepaymentMethod.InterestFirst(12),
            Events = [MethodChange.To(D(2025, 6, 15), RepaymentMethod.EqualPrincipal)],
        };
        LoanEventException e = Assert.Throws<LoanEventException>(() => loan.BuildSchedule());
        Assert.Equal(0, e.EventIndex);
        Assert.Contains("; on 2025-06-15 it is interest-only.", e.Message, StringComparison.Ordinal);
    }

    // ---- RepaymentMethod.cs: Parse messages ----

    /// <summary>
    /// Kills RepaymentMethod.cs:130:110 (the example "balloon(240)" → ""), 131:51 ("the amortization term in periods"
    /// → ""), 137:103 (the example "interest-first(24, equal-principal, 1)" → ""), 138:51 ("the interest-only periods"
    /// → ""), 140:77 ("the minimum principal a period" → ""), 145:13 (the list of methods → $""). 137:74 ("its
    /// interest-only periods" → "") as well.
    /// </summary>
    [Theory]
    [InlineData("balloon", "balloon needs its amortization term in periods, e.g. balloon(240)")]
    [InlineData("balloon(x)", "'x' is not a whole number (the amortization term in periods)")]
    [InlineData("interest-first", "interest-first needs its interest-only periods, e.g. interest-first(24, equal-principal, 1)")]
    [InlineData("interest-first(y)", "'y' is not a whole number (the interest-only periods)")]
    [InlineData("interest-first(24, equal-principal, z)", "'z' is not an amount (the minimum principal a period)")]
    [InlineData("annuity", "write equal-installment, equal-principal, balloon(N) or interest-first(N[, then[, minimum principal]])")]
    public void Parse_errors_say_what_is_missing_or_wrong_with_an_example(string text, string reason)
    {
        var e = Assert.Throws<FormatException>(() => RepaymentMethod.Parse(text));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.False(RepaymentMethod.TryParse(text, out _));
    }

    /// <summary>
    /// Kills RepaymentMethod.cs:149:15 (<c>value.Values is null &amp;&amp; value.Is(EqualPrincipal)</c> → <c>||</c>: any plain
    /// word after the periods would read as equal principal), 151:34 (the three mutants of
    /// <c>value.Values is null ? "" : "(…)"</c>) and 151:62 ("(…)" → ""): the message quotes what was written, with
    /// "(…)" only when it had values.
    /// </summary>
    [Fact]
    public void Parse_refuses_another_method_after_the_interest_only_periods_quoting_it()
    {
        var word = Assert.Throws<FormatException>(() => RepaymentMethod.Parse("interest-first(24, annuity)"));
        Assert.Contains("'annuity' cannot follow the interest-only periods; write equal-installment or equal-principal", word.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("annuity(", word.Message, StringComparison.Ordinal);

        var term = Assert.Throws<FormatException>(() => RepaymentMethod.Parse("interest-first(24, balloon(240))"));
        Assert.Contains("'balloon(…)' cannot follow the interest-only periods", term.Message, StringComparison.Ordinal);

        Assert.False(RepaymentMethod.TryParse("interest-first(24, annuity)", out _));
        Assert.Equal(RepaymentMethod.InterestFirst(24, RepaymentMethod.EqualPrincipal), RepaymentMethod.Parse("interest-first(24, equal-principal)"));
    }

    // ---- PurchaseSplit.cs: ProvidentFundCap and SplitPurchase ranges ----

    /// <summary>Kills PurchaseSplit.cs:38:87, 45:75, 52:80 (the names "The account balance", "The multiple",
    /// "The city cap" in the messages → "").</summary>
    [Fact]
    public void Provident_fund_cap_out_of_range_messages_name_the_value_its_range_and_what_was_given()
    {
        var balance = Assert.Throws<ArgumentOutOfRangeException>(() => new ProvidentFundCap(-1m, 10m, 100m));
        Assert.Equal("AccountBalance", balance.ParamName);
        Assert.StartsWith("The account balance must be between 0 and 1,000,000,000,000; was -1.", balance.Message, StringComparison.Ordinal);

        var multiple = Assert.Throws<ArgumentOutOfRangeException>(() => new ProvidentFundCap(1m, 1_000.5m, 100m));
        Assert.Equal("Multiple", multiple.ParamName);
        Assert.StartsWith("The multiple must be between 0 and 1,000; was 1000.5.", multiple.Message, StringComparison.Ordinal);

        var city = Assert.Throws<ArgumentOutOfRangeException>(() => new ProvidentFundCap(1m, 10m, -0.01m));
        Assert.Equal("CityCap", city.ParamName);
        Assert.StartsWith("The city cap must be between 0 and 1,000,000,000,000; was -0.01.", city.Message, StringComparison.Ordinal);
    }

    /// <summary>Kills PurchaseSplit.cs:85:28 (<c>value &gt; max</c> → <c>&gt;=</c>: the maximum itself refused) and 62:32
    /// (the lending unit's <c>value &gt; Loan.MaxPrincipal</c> → <c>&gt;=</c>).</summary>
    [Fact]
    public void Provident_fund_cap_accepts_each_maximum_itself()
    {
        var cap = new ProvidentFundCap(Loan.MaxPrincipal, ProvidentFundCap.MaxMultiple, Loan.MaxPrincipal) { LendingUnit = Loan.MaxPrincipal };
        Assert.Equal((Loan.MaxPrincipal, 1_000m, Loan.MaxPrincipal, Loan.MaxPrincipal), (cap.AccountBalance, cap.Multiple, cap.CityCap, cap.LendingUnit));
        Assert.Equal(Loan.MaxPrincipal, cap.Limit); // min(1e12 × 1000, 1e12), a whole unit of 1e12
        Assert.Throws<ArgumentOutOfRangeException>(() => cap with { LendingUnit = Loan.MaxPrincipal + 0.01m });
    }

    /// <summary>Kills PurchaseSplit.cs:177:28 (<c>price &gt; Loan.MaxPrincipal</c> → <c>&gt;=</c>): a price of exactly
    /// 1,000,000,000,000 is in range (100,000 down, the fund lending nothing: one commercial leg).</summary>
    [Fact]
    public void Split_purchase_accepts_the_maximum_price()
    {
        Loan terms = new(1m, Rate.Percent(3m), 12, D(2025, 1, 15));
        PurchaseSplit split = CombinedLoan.SplitPurchase(Loan.MaxPrincipal, 100_000m, new ProvidentFundCap(0m, 10m, 0m), terms, terms);
        Assert.Equal(Loan.MaxPrincipal, split.Price);
        Assert.Equal(Loan.MaxPrincipal - 100_000m, split.CommercialAmount);
        Assert.Equal(0m, split.ProvidentFundAmount);
        Assert.Throws<ArgumentOutOfRangeException>(() => CombinedLoan.SplitPurchase(Loan.MaxPrincipal + 1m, 100_000m, new ProvidentFundCap(0m, 10m, 0m), terms, terms));
    }

    /// <summary>
    /// Kills PurchaseSplit.cs:192:9 (<c>limit -= limit % unit</c> → <c>+=</c>): the fund's limit is rounded DOWN to the
    /// fund leg's minor unit. Balance 100,000.50 × 1 (lending unit 0.01) = 100,000.50; a fund leg rounding to whole
    /// yuan lends at most 100,000 (the mutant: 100,001).
    /// </summary>
    [Fact]
    public void Fund_limit_is_rounded_down_to_the_fund_legs_minor_unit()
    {
        Loan commercial = new(1m, Rate.Percent(3.05m), 12, D(2025, 1, 15));
        Loan fund = new Loan(1m, Rate.Percent(2.6m), 12, D(2025, 1, 15)) { Rounding = new RoundingPolicy(0) };
        var cap = new ProvidentFundCap(100_000.50m, 1m, 1_000_000m);
        Assert.Equal(100_000.50m, cap.Limit);
        PurchaseSplit split = CombinedLoan.SplitPurchase(500_000m, 200_000m, cap, commercial, fund);
        Assert.Equal(100_000m, split.ProvidentFundLimit);
        Assert.Equal(100_000m, split.ProvidentFundAmount);
        Assert.Equal(200_000m, split.CommercialAmount);
    }

    // ---- CombinedLoan.cs ----

    private static readonly Loan LegA = new(300_000m, Rate.Percent(3.05m), 24, D(2025, 1, 15));
    private static readonly Loan LegB = new(100_000m, Rate.Percent(2.6m), 24, D(2025, 1, 15));

    /// <summary>Kills CombinedLoan.cs:49:80 (the message of a leg without a loan → "").</summary>
    [Fact]
    public void A_leg_without_a_loan_is_refused_naming_Loan()
    {
        var e = Assert.Throws<ArgumentNullException>(() => new LoanLeg("commercial", null!));
        Assert.Equal("Loan", e.ParamName);
        Assert.StartsWith("A leg's loan must not be null.", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Kills CombinedLoan.cs:157:184 (a string of the message listing the legs → ""): the message names the
    /// rule and lists this loan's legs, quoted and separated by commas.</summary>
    [Fact]
    public void With_total_principal_on_three_legs_lists_the_legs()
    {
        var loan = new CombinedLoan(new LoanLeg("commercial", LegA), new LoanLeg("provident-fund", LegB), new LoanLeg("family", LegB));
        var e = Assert.Throws<InvalidOperationException>(() => loan.WithTotalPrincipal(500_000m));
        Assert.Equal("WithTotalPrincipal needs exactly two legs, one named 'provident-fund' (kept at its amount) and one that takes the rest; this loan has 'commercial', 'provident-fund', 'family'.", e.Message);
    }

    /// <summary>Kills CombinedLoan.cs:164:13 (<c>total &lt;= fundAmount</c> → <c>&lt;</c>): a total equal to the fund leg's
    /// amount is all provident fund (one leg), not a commercial leg of 0 (which the mutant would try, and throw).</summary>
    [Fact]
    public void With_total_principal_equal_to_the_fund_leg_keeps_only_the_fund_leg()
    {
        var loan = new CombinedLoan(new LoanLeg("commercial", LegA), new LoanLeg("provident-fund", LegB));
        CombinedLoan fundOnly = loan.WithTotalPrincipal(100_000m);
        Assert.Equal(["provident-fund"], fundOnly.Legs.Select(l => l.Name));
        Assert.Equal(LegB, fundOnly.Leg("provident-fund"));
    }

    /// <summary>Kills CombinedLoan.cs:197:97 (the message of a change that returned null → $"").</summary>
    [Fact]
    public void A_leg_change_that_returns_null_names_the_leg()
    {
        var loan = new CombinedLoan(new LoanLeg("commercial", LegA), new LoanLeg("provident-fund", LegB));
        var e = Assert.Throws<ArgumentNullException>(() => loan.WithLeg("PROVIDENT-FUND", _ => null!));
        Assert.Equal("change", e.ParamName);
        Assert.StartsWith("The change to leg 'provident-fund' returned null.", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Kills CombinedLoan.cs:285:9 (<c>ArgumentNullException.ThrowIfNull(name)</c> removed: a null name would
    /// match no leg and throw a plain ArgumentException "No leg is named").</summary>
    [Fact]
    public void A_null_leg_name_is_an_ArgumentNullException_on_name()
    {
        var loan = new CombinedLoan(new LoanLeg("commercial", LegA), new LoanLeg("provident-fund", LegB));
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => loan.Leg(null!)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => loan.WithLeg(null!, l => l)).ParamName);
    }

    /// <summary>Kills CombinedLoan.cs:264:13 (<c>hash.Add(leg)</c> removed: every combined loan would hash alike).
    /// Five combined loans with different legs; five distinct values colliding in one 32-bit hash is practically impossible.</summary>
    [Fact]
    public void Combined_loans_with_different_legs_hash_differently()
    {
        int[] hashes = [.. Enumerable.Range(1, 5).Select(k =>
            new CombinedLoan(new LoanLeg("commercial", LegA with { Principal = 10_000m * k }), new LoanLeg("provident-fund", LegB)).GetHashCode())];
        Assert.True(hashes.Distinct().Count() > 1, string.Join(", ", hashes));
        Assert.Equal(new CombinedLoan(new LoanLeg("a", LegA)).GetHashCode(), new CombinedLoan(new LoanLeg("a", LegA with { })).GetHashCode());
    }

    /// <summary>Kills CombinedQuote.cs:82:88 (the message of an undefined convention → "").</summary>
    [Fact]
    public void Undefined_total_interest_convention_is_refused_with_its_message()
    {
        CombinedQuote quote = new CombinedLoan(new LoanLeg("a", LegA)).Quote();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => quote.TotalInterest((TotalInterestConvention)9));
        Assert.Equal("convention", e.ParamName);
        Assert.StartsWith("Unknown total-interest convention.", e.Message, StringComparison.Ordinal);
    }

    internal static string N(decimal amount, int places) => amount.ToString("N" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
