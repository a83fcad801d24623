namespace MortgageMath.Cli.Spec;

/// <summary>
/// A combined loan read from a version-2 spec with <c>"legs"</c>: the <see cref="CombinedLoan"/> and, per leg, the
/// <see cref="LoanSpec"/> it was read from, so that a library error raised while the schedule is built names the JSON
/// path inside that leg (<c>$.legs[1].events[0]</c>).
/// </summary>
internal sealed class CombinedSpec
{
    private readonly IReadOnlyList<LoanSpec> _legs;
    private readonly IReadOnlyList<string> _paths;

    /// <summary>Creates the spec.</summary>
    /// <param name="loan">The combined loan.</param>
    /// <param name="legs">Each leg's spec, in the order of <see cref="CombinedLoan.Legs"/>.</param>
    /// <param name="paths">Each leg's JSON path, <c>$.legs[k]</c>.</param>
    internal CombinedSpec(CombinedLoan loan, IReadOnlyList<LoanSpec> legs, IReadOnlyList<string> paths)
    {
        Loan = loan;
        _legs = legs;
        _paths = paths;
    }

    /// <summary>The combined loan.</summary>
    internal CombinedLoan Loan { get; }

    /// <summary>The legs' names, in order.</summary>
    internal IReadOnlyList<string> Names => [.. Loan.Legs.Select(l => l.Name)];

    /// <summary>The spec of the leg named <paramref name="name"/> (its errors name paths inside it, <c>$.legs[1]...</c>).</summary>
    /// <param name="name">The leg's name, exactly (names are case-sensitive).</param>
    /// <param name="leg">The leg's spec.</param>
    /// <returns>Whether the combined loan has such a leg.</returns>
    internal bool TryGetLeg(string name, out LoanSpec leg)
    {
        for (int k = 0; k < Loan.Legs.Count; k++)
        {
            if (string.Equals(Loan.Legs[k].Name, name, StringComparison.Ordinal))
            {
                leg = _legs[k];
                return true;
            }
        }

        leg = null!;
        return false;
    }

    /// <summary>
    /// Builds the combined schedule. When the library refuses, each leg is built alone (through its own spec) to find
    /// the leg at fault; the error then names the path inside it, e.g. <c>$.legs[1].first_due_date: ...</c>.
    /// </summary>
    /// <returns>The schedule.</returns>
    /// <exception cref="UsageException">A leg's terms do not fit together, a rule is broken, or a fixing is missing.</exception>
    internal CombinedSchedule BuildSchedule()
    {
        try
        {
            return Loan.BuildSchedule();
        }
        catch (Exception e) when (e is ArgumentException or PrepaymentRuleViolationException or MissingRateFixingException)
        {
            for (int k = 0; k < _legs.Count; k++)
            {
                LoanSpec leg = _legs[k];
                try
                {
                    leg.BuildSchedule();
                }
                catch (UsageException legError)
                {
                    string path = _paths[k];
                    string message = legError.Message;
                    throw new UsageException(message.StartsWith(path, StringComparison.Ordinal) ? message : $"{path}: {message}");
                }
            }

            // No leg fails alone (not expected): report the library's message as it is.
            string text = e is ArgumentException argument ? LoanSpecReader.LibraryText(argument) : e.Message;
            throw new UsageException($"$.legs: {text}");
        }
    }
}
