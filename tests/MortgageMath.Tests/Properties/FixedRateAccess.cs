namespace MortgageMath.Tests.Properties;

/// <summary>The one place these tests read or replace a fixed loan's rate (the loan's rate is a <see cref="RatePlan"/>).</summary>
internal static class FixedRateAccess
{
    internal static Rate FixedRate(this Loan loan) =>
        loan.RatePlan is FixedRatePlan plan ? plan.Rate : throw new ArgumentException($"not a fixed-rate loan: {loan.RatePlan}");

    internal static Loan WithFixedRate(this Loan loan, Rate rate) => loan with { RatePlan = RatePlan.Fixed(rate) };
}
