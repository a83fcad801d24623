using MortgageMath.Specs;
using NodaTime;

namespace MortgageMath.Tests.Specs;

/// <summary>Spec version 3: a single loan's payments and overdue policy are read, written back and built into the account.</summary>
public class AccountSpecTests
{
    private const string Tv1Body = """ "principal": 1000000, "disbursement": "2024-03-20", "years": 30, "rate": { "type": "fixed", "annual": "4.9%" } """;

    private static LoanDocument Tv1 => LoanSpec.Parse($$"""{ "version": 3, {{Tv1Body}} }""");

    public static TheoryData<string> Policies => new()
    {
        "china", "us",
    };

    [Fact]
    public void Payments_and_a_policy_round_trip()
    {
        OverduePolicy policy = OverduePolicy.UnitedStates with
        {
            GraceDays = 10,
            Tolerance = 1.50m,
            PenaltyRate = PenaltyRate.Plus(Spread.FromBasisPoints(300)),
            Allocation = AllocationOrder.Create([AllocationBucket.Interest, AllocationBucket.Principal, AllocationBucket.Fees, AllocationBucket.PenaltyInterest, AllocationBucket.CompoundInterest], AllocationScope.BucketAcrossInstalments),
            Excess = ExcessPayment.Prepay(PrepaymentOption.LowerPayment),
            LateFee = LateFee.PercentOfOverdue(Percentage.Percent(5m), 50m),
        };
        LoanDocument doc = Tv1.WithAccount([new ReceivedPayment(new LocalDate(2024, 4, 20), 5307.27m), new ReceivedPayment(new LocalDate(2024, 5, 25), 100m)], policy);

        string json = LoanSpec.Write(doc);
        LoanDocument back = LoanSpec.Parse(json);

        Assert.Equal(doc, back);
        Assert.Equal(doc.GetHashCode(), back.GetHashCode());
        Assert.Equal(json, LoanSpec.Write(back));
        Assert.Contains("\"version\": 3", json, StringComparison.Ordinal);
        Assert.Contains("\"preset\": \"us\"", json, StringComparison.Ordinal);
        Assert.Equal(doc.BuildAccount(new LocalDate(2024, 7, 1)), back.BuildAccount(new LocalDate(2024, 7, 1)));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void A_preset_alone_is_written_as_the_preset(string preset)
    {
        LoanDocument doc = LoanSpec.Parse($$"""{ "version": 3, {{Tv1Body}}, "payments": [], "overdue_policy": { "preset": "{{preset}}" } }""");
        Assert.Equal(preset == "us" ? OverduePolicy.UnitedStates : OverduePolicy.China, doc.OverduePolicy);
        Assert.Empty(doc.Payments!);
        Assert.Contains($$"""
              "payments": [],
              "overdue_policy": {
                "preset": "{{preset}}"
              }
            """.Replace("\r\n", "\n", StringComparison.Ordinal), LoanSpec.Write(doc), StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_override_the_preset_and_amounts_read_as_strings_or_numbers()
    {
        LoanDocument doc = LoanSpec.Parse($$"""
            { "version": 3, {{Tv1Body}},
              "payments": [ { "date": "2024-04-20", "amount": "5307.27" }, { "date": "2024-05-20", "amount": 5307.27 } ],
              "overdue_policy": { "preset": "us", "penalty_rate": "markup(30%)", "compound_interest": true, "day_count": "actual/360", "grace_days": 0,
                "late_fee": "flat(25)", "tolerance": "0.00", "allocation": "china", "excess": "hold", "classification": "bank-warning-levels" } }
            """);
        Assert.Equal([new ReceivedPayment(new LocalDate(2024, 4, 20), 5307.27m), new ReceivedPayment(new LocalDate(2024, 5, 20), 5307.27m)], doc.Payments!);
        OverduePolicy expected = OverduePolicy.UnitedStates with
        {
            PenaltyRate = PenaltyRate.Markup(Percentage.Percent(30m)),
            CompoundInterest = true,
            DayCount = DayCount.Actual360,
            GraceDays = 0,
            LateFee = LateFee.FlatAmount(25m),
            Allocation = AllocationOrder.China,
            Classification = RiskClassification.BankWarningLevels(),
        };
        Assert.Equal(expected, doc.OverduePolicy);
        Assert.Equal(doc, LoanSpec.Parse(LoanSpec.Write(doc)));
    }

    [Fact]
    public void Without_payments_or_policy_the_document_has_none_and_the_account_uses_china()
    {
        LoanDocument doc = Tv1;
        Assert.Null(doc.Payments);
        Assert.Null(doc.OverduePolicy);
        Assert.DoesNotContain("payments", LoanSpec.Write(doc), StringComparison.Ordinal);
        LoanAccount account = doc.BuildAccount(new LocalDate(2024, 5, 20));
        Assert.Equal(OverduePolicy.China, account.Policy);
        Assert.Equal(7.50m, account.Instalments[0].PenaltyInterest);
        Assert.Equal(25.01m, account.Instalments[0].CompoundInterest);
        Assert.NotEqual(doc, doc.WithAccount([], null));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void An_earlier_version_refuses_payments_and_a_policy(int version)
    {
        Assert.False(LoanSpec.TryParse($$"""{ "version": {{version}}, {{Tv1Body}}, "payments": [], "overdue_policy": {} }""", out _, out IReadOnlyList<SpecError> errors));
        Assert.Equal(
        [
            new SpecError("$.payments", "\"payments\" needs spec version 3; set \"version\": 3 (version 1 and 2 files keep their meaning)."),
            new SpecError("$.overdue_policy", "\"overdue_policy\" needs spec version 3; set \"version\": 3 (version 1 and 2 files keep their meaning)."),
        ], errors.Take(2));
    }

    [Theory]
    [InlineData(""" "payments": {} """, "$.payments", "expected a list of payments")]
    [InlineData(""" "payments": [ { "date": "2024-04-20" } ] """, "$.payments[0].amount", "required")]
    [InlineData(""" "payments": [ { "date": "2024-04-20", "amount": "1,000" } ] """, "$.payments[0].amount", "\"1,000\" is not an amount")]
    [InlineData(""" "payments": [ { "date": "2024-04-20", "amount": 0 } ] """, "$.payments[0].amount", "A payment must be above 0")]
    [InlineData(""" "payments": [ { "date": "20-04-2024", "amount": 1 } ] """, "$.payments[0].date", "'20-04-2024' is not a valid date")]
    [InlineData(""" "payments": [ { "date": "2024-04-20", "amount": 1, "note": "x" } ] """, "$.payments[0].note", "unknown property")]
    [InlineData(""" "overdue_policy": { "compound_interest": "yes" } """, "$.overdue_policy.compound_interest", "expected true or false")]
    [InlineData(""" "overdue_policy": { "day_count": "30/360" } """, "$.overdue_policy.day_count", "'30/360' is not allowed; write actual/360 or actual/365.")]
    [InlineData(""" "overdue_policy": { "tolerance": 5000 } """, "$.overdue_policy.tolerance", "The tolerance must be between 0 and 1000")]
    [InlineData(""" "overdue_policy": { "excess": "spend" } """, "$.overdue_policy.excess", "")]
    public void Errors_name_their_path(string member, string path, string message)
    {
        Assert.False(LoanSpec.TryParse($$"""{ "version": 3, {{Tv1Body}}, {{member}} }""", out _, out IReadOnlyList<SpecError> errors));
        SpecError error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_combined_spec_takes_no_payments()
    {
        const string Leg = """{ "name": "a", "principal": 1000, "disbursement": "2024-03-20", "months": 12, "rate": { "type": "fixed", "annual": "3%" } }""";
        Assert.False(LoanSpec.TryParse($$"""{ "version": 3, "payments": [], "legs": [ {{Leg}} ] }""", out _, out IReadOnlyList<SpecError> root));
        Assert.Equal("$.payments", Assert.Single(root).Path);
        Assert.False(LoanSpec.TryParse($$"""{ "version": 3, "legs": [ {{Leg.Replace("{ \"name\"", "{ \"overdue_policy\": {}, \"name\"", StringComparison.Ordinal)}} ] }""", out _, out IReadOnlyList<SpecError> leg));
        Assert.Equal("$.legs[0].overdue_policy", Assert.Single(leg).Path);
    }

    [Fact]
    public void A_refused_payment_is_a_spec_error_naming_the_payment()
    {
        LoanDocument doc = Tv1.WithAccount([new ReceivedPayment(new LocalDate(2024, 4, 20), 1m), new ReceivedPayment(new LocalDate(2024, 3, 1), 1m)], null);
        LoanSpecException e = Assert.Throws<LoanSpecException>(() => doc.BuildAccount(new LocalDate(2024, 5, 20)));
        Assert.Equal("$.payments[1]", e.Path);
        Assert.Equal(PaymentProblem.BeforeDisbursement, Assert.IsType<PaymentRecordException>(e.InnerException).Problem);
        Assert.Throws<ArgumentOutOfRangeException>(() => Tv1.BuildAccount(new LocalDate(2024, 3, 1)));
    }

    [Fact]
    public void The_payments_csv_reads_one_payment_per_line()
    {
        Assert.Equal(
            [new ReceivedPayment(new LocalDate(2024, 4, 20), 5307.27m), new ReceivedPayment(new LocalDate(2024, 5, 20), 100m)],
            PaymentsCsv.Parse("date,amount\r\n2024-04-20,5307.27\r\n2024-05-20, 100\r\n\r\n"));
        Assert.Empty(PaymentsCsv.Parse("date,amount\n"));
        PaymentsCsvException e = Assert.Throws<PaymentsCsvException>(() => PaymentsCsv.Parse("date,amount\n2024-04-20,5307.27\n2024-05-20,x\n"));
        Assert.Equal("line 3: 'x' is not an amount; write a plain number such as 5307.27.", e.Message);
        Assert.Equal((3, "2024-05-20,x"), (e.LineNumber, e.Line));
        PaymentsCsvException header = Assert.Throws<PaymentsCsvException>(() => PaymentsCsv.Parse("when,how much\n"));
        Assert.Equal((1, "when,how much"), (header.LineNumber, header.Line));
        PaymentsCsvException negative = Assert.Throws<PaymentsCsvException>(() => PaymentsCsv.Parse("date,amount\n2024-04-20,-5\n"));
        Assert.Equal(2, negative.LineNumber);
        Assert.IsType<ArgumentOutOfRangeException>(negative.InnerException);
    }
}
