using BenchmarkDotNet.Attributes;
using NodaTime;

namespace MortgageMath.Benchmarks;

/// <summary>
/// The largest loan a household can carry under the China commercial preset, exact to the cent: TV-1 terms, TV-10
/// interest first (24 + 336) and the combined TV-9 loan (floating commercial leg + provident fund capped at 300,000).
/// The answers are asserted in AffordabilitySolverTests.Max_loan_of_each_benchmarked_case_is_the_boundary_to_the_cent.
/// </summary>
[MemoryDiagnoser]
public class AffordabilityBenchmarks
{
    private readonly Household _household = new(new Borrower(12_000m, 35));
    private readonly Loan _terms = new(1m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));

    private readonly Loan _interestFirst = new(1_000_000m, Rate.Percent(3.5m), 360, new LocalDate(2024, 1, 15)) { Method = RepaymentMethod.InterestFirst(24) };
    private readonly RateTable _rates = RateTable.China.AssumingUnchangedUntil(new LocalDate(2060, 1, 1));

    [Benchmark(Description = "max-loan solver, 360-month equal installment")]
    public AffordabilitySolution MaxLoan() => AffordabilitySolver.MaxLoan(AffordabilityPolicy.ChinaCommercial, _household, _terms);

    [Benchmark(Description = "max-loan solver, interest first 24 + 336")]
    public AffordabilitySolution MaxLoanInterestFirst() => AffordabilitySolver.MaxLoan(AffordabilityPolicy.ChinaCommercial, _household, _interestFirst);

    [Benchmark(Description = "max-loan solver, combined TV-9 (floating + provident fund)")]
    public AffordabilitySolution MaxLoanCombined() => AffordabilitySolver.MaxLoan(AffordabilityPolicy.ChinaCommercial, _household, Combined);

    private CombinedLoan Combined(decimal total)
    {
        var disbursed = new LocalDate(2025, 6, 20);
        decimal commercial = Math.Max(0m, total - 300_000m);
        decimal providentFund = Math.Min(total, 300_000m);
        var legs = new List<LoanLeg>();
        if (commercial > 0m)
        {
            legs.Add(new LoanLeg("commercial",
                new Loan(commercial, RatePlan.Floating(RateIndex.Lpr5Y, Spread.FromBasisPoints(-45m), RepricingRule.EveryJanuary1), 360, disbursed) { Rates = _rates }));
        }

        if (providentFund > 0m)
        {
            legs.Add(new LoanLeg("provident-fund",
                new Loan(providentFund, RatePlan.ProvidentFund(RateIndex.ProvidentFundFirstHomeOver5Y), 360, disbursed) { Rates = _rates }));
        }

        return new CombinedLoan(legs);
    }
}
