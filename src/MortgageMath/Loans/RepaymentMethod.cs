namespace MortgageMath;

/// <summary>
/// How a loan is repaid: the piece of the amortization loop that answers "what principal is due this period".
/// Use <see cref="EqualInstallment"/> (等额本息, annuity) or <see cref="EqualPrincipal"/> (等额本金).
/// </summary>
public abstract class RepaymentMethod
{
    private protected RepaymentMethod(string name) => Name = name;

    /// <summary>Equal installment (等额本息, annuity, French amortization): the same payment every period.</summary>
    public static RepaymentMethod EqualInstallment { get; } = new EqualInstallmentMethod();

    /// <summary>Equal principal (等额本金, linear amortization): the same principal every period, interest on the balance.</summary>
    public static RepaymentMethod EqualPrincipal { get; } = new EqualPrincipalMethod();

    /// <summary>The method's name as the tool and files write it: <c>equal-installment</c> or <c>equal-principal</c>.</summary>
    public string Name { get; }

    /// <summary>Finds a method by its <see cref="Name"/> (case-insensitive).</summary>
    /// <param name="name">The name, e.g. <c>equal-principal</c>.</param>
    /// <param name="method">The method, when found.</param>
    /// <returns>Whether a method of that name exists.</returns>
    public static bool TryParse(string? name, out RepaymentMethod method)
    {
        foreach (RepaymentMethod candidate in new[] { EqualInstallment, EqualPrincipal })
        {
            if (string.Equals(candidate.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                method = candidate;
                return true;
            }
        }

        method = EqualInstallment;
        return false;
    }

    /// <summary>
    /// The level amount fixed when the method (re)starts on a balance: the payment for equal installment, the
    /// principal part for equal principal. In minor units.
    /// </summary>
    internal abstract long Level(long balance, in PeriodicRate rate, int periods, RoundingMode mode);

    /// <summary>The principal due for a regular period, before the loop clamps it to the balance.</summary>
    internal abstract long ScheduledPrincipal(long level, long regularInterest);

    /// <summary>Whether a rate change restarts the method on the remaining balance and periods (equal installment
    /// re-amortizes; equal principal keeps its principal part).</summary>
    internal abstract bool RestartsOnRateChange { get; }

    /// <summary>The method's <see cref="Name"/>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;

    private sealed class EqualInstallmentMethod() : RepaymentMethod("equal-installment")
    {
        internal override long Level(long balance, in PeriodicRate rate, int periods, RoundingMode mode) =>
            Annuity.Payment(balance, rate, periods, mode);

        internal override long ScheduledPrincipal(long level, long regularInterest) => level - regularInterest;

        internal override bool RestartsOnRateChange => true;
    }

    private sealed class EqualPrincipalMethod() : RepaymentMethod("equal-principal")
    {
        internal override long Level(long balance, in PeriodicRate rate, int periods, RoundingMode mode) =>
            FixedPoint.MulDivRound(balance, 1, periods, mode);

        internal override long ScheduledPrincipal(long level, long regularInterest) => level;

        internal override bool RestartsOnRateChange => false;
    }
}
