namespace MortgageMath.Analytics;

/// <summary>
/// A time-value or cash-flow function (<see cref="Tvm.Rate"/>, <see cref="Tvm.NPer"/>, <see cref="CashFlows.Irr"/>,
/// <see cref="CashFlows.Xirr"/>) was asked for a value that does not exist: no rate above −100% (or no number of
/// periods) balances the cash flows. Where Excel shows <c>#NUM!</c> for this reason, these functions throw this.
/// The message names the call and its arguments: <c>RATE(12, 400, 10000, 5000, 0) has no solution: …</c>.
/// </summary>
public sealed class NoSolutionException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message, naming the call and why it has no solution.</param>
    internal NoSolutionException(string message)
        : base(message)
    {
    }
}
