using static MortgageMath.Tests.Affordability.AffordabilitySupport;

namespace MortgageMath.Tests.Affordability;

/// <summary>Bad inputs fail with the parameter's name, its value and the valid range.</summary>
public class AffordabilityErrorTests
{
    [Fact]
    public void Negative_income_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Borrower(-1m, 35));
        Assert.Equal("MonthlyIncome", e.ParamName);
        Assert.Equal(-1m, e.ActualValue);
        Assert.Contains("between 0 and 1,000,000,000,000; was -1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(17)]
    [InlineData(101)]
    public void Age_out_of_range_is_rejected(int age)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Borrower(10_000m, age));
        Assert.Equal("Age", e.ParamName);
        Assert.Contains($"between 18 and 100; was {age}", e.Message, StringComparison.Ordinal);
        Assert.Equal("RetirementAge",
            Assert.Throws<ArgumentOutOfRangeException>(() => new Borrower(10_000m, 30) { RetirementAge = age }).ParamName);
    }

    [Theory]
    [InlineData(100_000, 100_000)]
    [InlineData(100_000, 150_000)]
    [InlineData(100_000, -1)]
    public void Down_payment_must_be_below_the_price(int price, int down)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Purchase(price, down));
        Assert.Equal("downPayment", e.ParamName);
        Assert.Contains("at least 0 and less than the price 100000", e.Message, StringComparison.Ordinal);
        Assert.Equal("price", Assert.Throws<ArgumentOutOfRangeException>(() => new Purchase(0m, 0m)).ParamName);
    }

    [Fact]
    public void Household_needs_borrowers()
    {
        var e = Assert.Throws<ArgumentException>(() => new Household());
        Assert.Equal("Borrowers", e.ParamName);
        Assert.Contains("at least one borrower", e.Message, StringComparison.Ordinal);
        Assert.Equal("Borrowers", Assert.Throws<ArgumentOutOfRangeException>(() =>
            new Household(Enumerable.Range(0, 9).Select(_ => new Borrower(1m, 30)))).ParamName);
        Assert.Throws<ArgumentException>(() => new Household([null!]));
        Assert.Equal("MonthlyDebtPayments", Assert.Throws<ArgumentOutOfRangeException>(() => Single(1m) with { MonthlyDebtPayments = -5m }).ParamName);
        Assert.Equal("ProvidentFundBalance", Assert.Throws<ArgumentOutOfRangeException>(() => Single(1m) with { ProvidentFundBalance = -5m }).ParamName);
    }

    [Fact]
    public void Evaluation_needs_income_and_a_consistent_purchase()
    {
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => AffordabilityPolicy.ChinaCommercial.Evaluate(Single(0m), Tv1));
        Assert.Equal("household", zero.ParamName);
        var mismatch = Assert.Throws<ArgumentException>(() => AffordabilityPolicy.ChinaCommercial.Evaluate(Single(10_000m), Tv1, new Purchase(1_200_000m, 300_000m)));
        Assert.Equal("purchase", mismatch.ParamName);
        Assert.Equal("The loan (1,000,000.00) plus the down payment (300,000.00) must equal the price (1,200,000.00). (Parameter 'purchase')", mismatch.Message);
    }

    [Fact]
    public void Rules_and_policies_check_their_data()
    {
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => AffordabilityRule.MaxTerm(" ", 30, "x")).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => AffordabilityRule.MaxTerm("t", 30, "")).ParamName);
        Assert.Equal("maxYears", Assert.Throws<ArgumentOutOfRangeException>(() => AffordabilityRule.AgePlusTerm("a", 0, "x")).ParamName);
        Assert.Equal("multiple", Assert.Throws<ArgumentOutOfRangeException>(() => AffordabilityPolicy.ChinaProvidentFund(-1m, 1m)).ParamName);
        Assert.Equal("cap", Assert.Throws<ArgumentOutOfRangeException>(() => AffordabilityPolicy.ChinaProvidentFund(10m, -1m)).ParamName);
        Assert.Equal("retirementAge", Assert.Throws<ArgumentOutOfRangeException>(() => AffordabilityPolicy.ChinaProvidentFund(10m, 1m, 120)).ParamName);
        Assert.Equal("percent", Assert.Throws<ArgumentOutOfRangeException>(() => Percentage.Percent(150m)).ParamName);
        Assert.Equal("basis", Assert.Throws<ArgumentOutOfRangeException>(() => AffordabilityRule.AgePlusTerm("a", 70, "x", (AgeBasis)7)).ParamName);
        var twice = AffordabilityRule.MaxTerm("t", 30, "x");
        Assert.Equal("rules", Assert.Throws<ArgumentException>(() => new AffordabilityPolicy("p", twice, AffordabilityRule.MaxTerm("T", 20, "x"))).ParamName);
        Assert.Equal("downPayment", Assert.Throws<ArgumentOutOfRangeException>(() =>
            AffordabilitySolver.MaxPrice(AffordabilityPolicy.ChinaCommercial, Single(1m), -1m, Tv1)).ParamName);
    }
}
