namespace MortgageMath.Tests.Analytics;

/// <summary>The decimal ln / exp / pow against published constants (28 decimals) and identities.</summary>
public sealed class DecimalMathTests
{
    private const decimal Tight = 0.0000000000000000000000001m; // 1e-25

    [Fact]
    public void Ln_of_known_constants()
    {
        Near.Relative(0.6931471805599453094172321215m, DecimalMath.Ln(2m), Tight);
        Near.Relative(1.6094379124341003746007593332m, DecimalMath.Ln(5m), Tight); // ln 5
        Near.Relative(2.3025850929940456840179914547m, DecimalMath.Ln(2m) + DecimalMath.Ln(5m), Tight); // ln 10
        Near.Relative(1.0986122886681096913952452369m, DecimalMath.Ln(3m), Tight); // ln 3
        Near.Relative(-0.6931471805599453094172321215m, DecimalMath.Ln(0.5m), Tight);
        Near.Relative(1m, DecimalMath.Ln(DecimalMath.E), Tight);
        Assert.Equal(0m, DecimalMath.Ln(1m));
        Near.Relative(64.472382603833279152503760731m, DecimalMath.Ln(1e28m), Tight); // 28 ln 10
    }

    [Fact]
    public void Exp_of_known_constants()
    {
        Near.Relative(2.7182818284590452353602874714m, DecimalMath.Exp(1m), Tight);
        Near.Relative(0.3678794411714423215955237702m, DecimalMath.Exp(-1m), Tight); // 1/e
        Near.Relative(22026.465794806716516957900645m, DecimalMath.Exp(10m), Tight);
        Near.Relative(2m, DecimalMath.Exp(DecimalMath.Ln2), Tight);
        Assert.Equal(1m, DecimalMath.Exp(0m));
        Assert.Equal(0m, DecimalMath.Exp(-100m));
        Assert.Throws<OverflowException>(() => DecimalMath.Exp(67m));
        Assert.Throws<OverflowException>(() => DecimalMath.Exp(66.5422m));
        Near.Relative(79000000000000000000000000000m, DecimalMath.Exp(DecimalMath.Ln(79000000000000000000000000000m)), 0.000000000000000000000000001m * 100m);
    }

    [Fact]
    public void Exp_of_ln_is_the_identity()
    {
        decimal[] xs = { 0.000001m, 0.0123m, 0.5m, 0.999999m, 1.000001m, 1.5m, 2m, 3.14159m, 10m, 12345.678m, 1e20m, 79000000000000000000000000000m };
        foreach (decimal x in xs)
        {
            Near.Relative(x, DecimalMath.Exp(DecimalMath.Ln(x)), 0.00000000000000000000000001m * 100m);
        }
    }

    [Fact]
    public void Ln1p_keeps_tiny_arguments_exact()
    {
        Near.Absolute(0.0000000000009999999999995000m, DecimalMath.Ln1p(0.000000000001m), 0.0000000000000000000000000002m); // decimal's last place
        Near.Relative(0.0009995003330835331668093989m, DecimalMath.Ln1p(0.001m), Tight);
        Near.Relative(DecimalMath.Ln(1.25m), DecimalMath.Ln1p(0.25m), Tight);
        Near.Relative(DecimalMath.Ln(0.7m), DecimalMath.Ln1p(-0.3m), Tight);
    }

    [Fact]
    public void Pow_fractional_and_whole()
    {
        Near.Relative(1.4142135623730950488016887242m, DecimalMath.Power(2m, 0.5m), Tight); // √2
        Near.Relative(1024m, DecimalMath.Power(2m, 10m), 0m);
        Near.Relative(0.0009765625m, DecimalMath.Power(2m, -10m), 0m);
        Near.Relative(10m, DecimalMath.Power(1000m, 1m / 3m), Tight);
        Assert.Equal(0m, DecimalMath.Power(0m, 2.5m));
        Assert.Equal(1m, DecimalMath.Power(7m, 0m));
    }

    [Fact]
    public void Ln_rejects_non_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DecimalMath.Ln(0m));
}
