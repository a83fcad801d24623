using NodaTime;

namespace MortgageMath.Tests.Servicing;

/// <summary>What the account and its policy types refuse, and the text forms read back.</summary>
public class ServicingErrorTests
{
    private static readonly Loan Small = AllocationPresetTests.Small; // disbursed 2025-01-15, 12 instalments to 2026-01-15

    private static LocalDate On(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void A_payment_before_the_disbursement_is_named_by_its_index()
    {
        ReceivedPayment[] payments = [new(On(2025, 2, 15), 112m), new(On(2025, 1, 14), 5m)];
        PaymentRecordException e = Assert.Throws<PaymentRecordException>(() => Small.Account(payments, On(2025, 3, 1)));
        Assert.Equal((1, On(2025, 1, 14), 5m, PaymentProblem.BeforeDisbursement), (e.PaymentIndex, e.PaymentDate, e.PaymentAmount, e.Problem));
        Assert.Equal("payments", e.ParamName);
        Assert.Contains("The payment of 5 on 2025-01-14", e.Message, StringComparison.Ordinal);
        Assert.Contains("2025-01-15", e.Message, StringComparison.Ordinal);

        // On the disbursement day itself a payment is taken (held as credit).
        Assert.Equal(5m, Small.Account([new ReceivedPayment(On(2025, 1, 15), 5m)], On(2025, 1, 20)).Credit);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.01")]
    [InlineData("-100")]
    public void A_payment_of_zero_or_less_is_refused(string amount)
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(
            () => new ReceivedPayment(On(2025, 2, 15), decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("amount", e.ParamName);
        Assert.Equal(0.01m, new ReceivedPayment(On(2025, 2, 15), 0.01m).Amount);
    }

    [Fact]
    public void A_payment_above_the_largest_principal_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReceivedPayment(On(2025, 2, 15), Loan.MaxPrincipal + 1m));
        Assert.Equal(Loan.MaxPrincipal, new ReceivedPayment(On(2025, 2, 15), Loan.MaxPrincipal).Amount);
    }

    [Fact]
    public void A_payment_with_more_decimal_places_than_the_loan_is_refused()
    {
        ReceivedPayment[] payments = [new(On(2025, 2, 15), 112.005m)];
        PaymentRecordException e = Assert.Throws<PaymentRecordException>(() => Small.Account(payments, On(2025, 3, 1)));
        Assert.Equal((0, PaymentProblem.TooManyDecimalPlaces, 112.005m), (e.PaymentIndex, e.Problem, e.PaymentAmount));

        // Trailing zeros are not places: 112.000 is 112.00. A 3-place loan takes 112.005.
        Assert.Equal(0m, Small.Account([new ReceivedPayment(On(2025, 2, 15), 112.000m)], On(2025, 2, 15)).Arrears);
        Loan threePlaces = Small with { Rounding = new RoundingPolicy(3) };
        Assert.Equal(0.005m, threePlaces.Account(payments, On(2025, 2, 15)).Credit);
    }

    [Fact]
    public void A_payment_after_the_loan_is_repaid_is_refused_with_its_index_and_date()
    {
        // All 12 instalments paid on time (1,200 + 1% interest on each balance: 12 + 11 + … + 1 = 78), then 1.00 more.
        Schedule schedule = Small.BuildSchedule();
        var payments = schedule.Select(r => new ReceivedPayment(r.DueDate, r.Payment)).ToList();
        Assert.Equal(1_278m, payments.Sum(p => p.Amount));
        Assert.Equal(0m, Small.Account(payments, On(2026, 2, 1)).Arrears);
        payments.Add(new ReceivedPayment(On(2026, 1, 20), 1m));
        PaymentRecordException e = Assert.Throws<PaymentRecordException>(() => Small.Account(payments, On(2026, 2, 1)));
        Assert.Equal((12, On(2026, 1, 20), PaymentProblem.AfterRepaid), (e.PaymentIndex, e.PaymentDate, e.Problem));

        // Dated after the as-of date, the same payment is not counted and so not refused.
        LoanAccount early = Small.Account(payments, On(2026, 1, 19));
        Assert.Equal(1, early.PaymentsAfterAsOf);
        Assert.Equal(12, early.Payments.Count);
    }

    [Fact]
    public void A_payment_on_the_last_due_date_while_penalty_is_still_owed_is_taken()
    {
        // The last instalment is paid but an earlier late one still owes its penalty: not repaid, so more is taken.
        Schedule schedule = Small.BuildSchedule();
        var payments = schedule.Select(r => new ReceivedPayment(r.DueDate == On(2025, 2, 15) ? On(2025, 3, 7) : r.DueDate, r.Payment)).ToList();
        LoanAccount account = Small.Account(payments, On(2026, 1, 15));
        Assert.True(account.Arrears > 0m);
        decimal owed = account.Arrears;
        Assert.Equal(0m, Small.Account([.. payments, new ReceivedPayment(On(2026, 1, 16), owed)], On(2026, 1, 16)).Arrears);
    }

    [Fact]
    public void An_as_of_date_before_the_disbursement_is_refused()
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => Small.Account([], On(2025, 1, 14)));
        Assert.Equal("asOf", e.ParamName);
        Assert.Empty(Small.Account([], On(2025, 1, 15)).Instalments);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => Small.Account(null!, On(2025, 3, 1)));
        Assert.Throws<ArgumentException>(() => Small.Account([null!], On(2025, 3, 1)));
        Assert.Throws<ArgumentNullException>(() => OverduePolicy.China with { PenaltyRate = null! });
        Assert.Throws<ArgumentNullException>(() => OverduePolicy.China with { Allocation = null! });
        Assert.Throws<ArgumentNullException>(() => ExcessPayment.Prepay(null!));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(366)]
    public void Grace_days_out_of_range_are_refused(int days)
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => OverduePolicy.China with { GraceDays = days });
        Assert.Equal("GraceDays", e.ParamName);
        Assert.Equal(365, (OverduePolicy.China with { GraceDays = 365 }).GraceDays);
    }

    [Theory]
    [InlineData("-0.01")]
    [InlineData("1000.01")]
    public void A_tolerance_out_of_range_is_refused(string tolerance)
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(
            () => OverduePolicy.China with { Tolerance = decimal.Parse(tolerance, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal("Tolerance", e.ParamName);
    }

    [Fact]
    public void An_allocation_order_with_a_repeated_or_missing_bucket_is_refused()
    {
        ArgumentException repeated = Assert.Throws<ArgumentException>(() => AllocationOrder.Create([.. AllocationOrder.China.Buckets, AllocationBucket.Interest]));
        Assert.Contains("exactly once; interest appears 2 times", repeated.Message, StringComparison.Ordinal);
        ArgumentException missing = Assert.Throws<ArgumentException>(() => AllocationOrder.Create(
            [AllocationBucket.Interest, AllocationBucket.Principal, AllocationBucket.Fees, AllocationBucket.PenaltyInterest]));
        Assert.Contains("compound-interest appears 0 times", missing.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => AllocationOrder.Create([.. AllocationOrder.China.Buckets, (AllocationBucket)9]));
        Assert.Throws<ArgumentOutOfRangeException>(() => AllocationOrder.Create(AllocationOrder.China.Buckets, (AllocationScope)5));
    }

    [Fact]
    public void Late_fee_and_penalty_rate_amounts_below_zero_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LateFee.FlatAmount(-1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => LateFee.PercentOfOverdue(Percentage.Percent(5m), -0.01m));
        Assert.Throws<ArgumentOutOfRangeException>(() => PenaltyRate.Fixed(Rate.Percent(-1m)));
    }

    [Theory]
    [InlineData("markup(50%)")]
    [InlineData("markup(30%)")]
    [InlineData("plus(+300bp)")]
    [InlineData("plus(-25bp)")]
    [InlineData("fixed(18%)")]
    [InlineData("fixed(0%)")]
    [InlineData("none")]
    public void Penalty_rate_text_reads_back(string text)
    {
        PenaltyRate rate = PenaltyRate.Parse(text);
        Assert.Equal(rate, PenaltyRate.Parse(rate.ToString()));
        Assert.Equal(text, rate.ToString());
    }

    [Theory]
    [InlineData("none")]
    [InlineData("percent(5%)")]
    [InlineData("percent(4%, 50)")]
    [InlineData("percent(5%, 12.5)")]
    [InlineData("flat(25)")]
    [InlineData("flat(0.01)")]
    public void Late_fee_text_reads_back(string text)
    {
        LateFee fee = LateFee.Parse(text);
        Assert.Equal(fee, LateFee.Parse(fee.ToString()));
        Assert.Equal(text, fee.ToString());
    }

    [Theory]
    [InlineData("china")]
    [InlineData("fannie-mae")]
    [InlineData("penalties-fees-interest-principal")]
    [InlineData("order(interest, principal, fees, penalty-interest, compound-interest; bucket-across-instalments)")]
    [InlineData("order(principal, interest, fees, penalty-interest, compound-interest; oldest-instalment-first)")]
    public void Allocation_order_text_reads_back(string text)
    {
        AllocationOrder order = AllocationOrder.Parse(text);
        Assert.Equal(order, AllocationOrder.Parse(order.ToString()));
        Assert.Equal(text, order.ToString());
    }

    [Fact]
    public void An_order_written_out_that_is_a_preset_reads_as_the_preset()
    {
        AllocationOrder order = AllocationOrder.Parse("order(interest, principal, fees, penalty-interest, compound-interest)");
        Assert.Equal(AllocationOrder.FannieMae, order);
        Assert.Equal("fannie-mae", order.ToString());
    }

    [Theory]
    [InlineData("hold")]
    [InlineData("prepay(lower-payment)")]
    [InlineData("prepay(shorten-term)")]
    [InlineData("prepay(new-term(120))")]
    public void Excess_payment_text_reads_back(string text)
    {
        ExcessPayment excess = ExcessPayment.Parse(text);
        Assert.Equal(excess, ExcessPayment.Parse(excess.ToString()));
        Assert.Equal(text, excess.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("markup")]
    [InlineData("markup()")]
    [InlineData("markup(50)")]
    [InlineData("markup(50%, 3%)")]
    [InlineData("plus(x)")]
    [InlineData("fixed(abc)")]
    [InlineData("times(1.5)")]
    [InlineData("none(1)")]
    public void Penalty_rate_text_that_is_not_one_is_refused(string text)
    {
        Exception e = Assert.ThrowsAny<Exception>(() => PenaltyRate.Parse(text));
        Assert.True(e is FormatException or ArgumentOutOfRangeException, e.GetType().Name + ": " + e.Message);
        Assert.False(PenaltyRate.TryParse(text, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("percent")]
    [InlineData("percent()")]
    [InlineData("percent(5%, 1, 2)")]
    [InlineData("flat(-5)")]
    [InlineData("flat(x)")]
    [InlineData("fee(5)")]
    public void Late_fee_text_that_is_not_one_is_refused(string text)
    {
        Exception e = Assert.ThrowsAny<Exception>(() => LateFee.Parse(text));
        Assert.True(e is FormatException or ArgumentOutOfRangeException, e.GetType().Name + ": " + e.Message);
        Assert.False(LateFee.TryParse(text, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("us")]
    [InlineData("order(interest, principal)")]
    [InlineData("order(interest, interest, principal, fees, penalty-interest)")]
    [InlineData("order(interest, principal, fees, penalty-interest, compound-interest; newest-first)")]
    [InlineData("order(interest, principal, fees, penalty-interest, compound-interest; a; b)")]
    [InlineData("order(interest, principal, fees, penalty, compound-interest)")]
    [InlineData("order(interest, principal, fees, penalty-interest, compound-interest")]
    public void Allocation_order_text_that_is_not_one_is_refused(string text)
    {
        FormatException e = Assert.Throws<FormatException>(() => AllocationOrder.Parse(text));
        Assert.Contains("is not an allocation order", e.Message, StringComparison.Ordinal);
        Assert.False(AllocationOrder.TryParse(text, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("credit")]
    [InlineData("hold(1)")]
    [InlineData("prepay")]
    [InlineData("prepay(sooner)")]
    [InlineData("prepay(lower-payment, shorten-term)")]
    public void Excess_payment_text_that_is_not_one_is_refused(string text)
    {
        Assert.Throws<FormatException>(() => ExcessPayment.Parse(text));
        Assert.False(ExcessPayment.TryParse(text, out _));
    }

    [Fact]
    public void Parse_of_null_throws_and_try_parse_of_null_is_false()
    {
        Assert.Throws<ArgumentNullException>(() => PenaltyRate.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => LateFee.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => AllocationOrder.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => ExcessPayment.Parse(null!));
        Assert.False(PenaltyRate.TryParse(null, out _));
        Assert.False(LateFee.TryParse(null, out _));
        Assert.False(AllocationOrder.TryParse(null, out _));
        Assert.False(ExcessPayment.TryParse(null, out _));
    }
}
