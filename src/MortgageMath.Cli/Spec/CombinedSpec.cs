using Specs = MortgageMath.Specs;

namespace MortgageMath.Cli.Spec;

/// <summary>
/// A combined loan read from a version-2 spec with <c>"legs"</c> (a <see cref="Specs.LoanDocument"/>): a library
/// error raised while the schedule is built names the JSON path inside the leg at fault (<c>$.legs[1].events[0]</c>).
/// </summary>
internal sealed class CombinedSpec(Specs.LoanDocument document)
{
    /// <summary>The combined loan.</summary>
    internal CombinedLoan Loan { get; } = document.CombinedLoan!;

    /// <summary>The document the combined loan was read from.</summary>
    internal Specs.LoanDocument Document => document;

    /// <summary>The legs' names, in order.</summary>
    internal IReadOnlyList<string> Names => [.. Loan.Legs.Select(l => l.Name)];

    /// <summary>The leg named <paramref name="name"/> as a loan of its own; its errors name paths inside the leg
    /// (<c>$.legs[1].events[0]</c>).</summary>
    /// <param name="name">The leg's name, exactly (names are case-sensitive).</param>
    /// <param name="leg">The leg's spec.</param>
    /// <returns>Whether the combined loan has such a leg.</returns>
    internal bool TryGetLeg(string name, out LoanSpec leg)
    {
        for (int k = 0; k < Loan.Legs.Count; k++)
        {
            if (string.Equals(Loan.Legs[k].Name, name, StringComparison.Ordinal))
            {
                leg = LoanSpec.FromLeg(Loan.Legs[k].Loan, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"$.legs[{k}]"));
                return true;
            }
        }

        leg = null!;
        return false;
    }

    /// <summary>Builds the combined schedule; a refusal names the path inside the leg at fault.</summary>
    /// <returns>The schedule.</returns>
    /// <exception cref="UsageException">A leg's terms do not fit together, a rule is broken, or a fixing is missing.</exception>
    internal CombinedSchedule BuildSchedule()
    {
        try
        {
            return document.BuildCombinedSchedule();
        }
        catch (Specs.LoanSpecException e)
        {
            Specs.SpecError error = e.Errors[0];
            string message = e.InnerException is MissingRateFixingException missing ? RateTables.MissingFixingMessage(missing) : error.Message;
            throw new UsageException($"{error.Path}: {message}");
        }
    }
}
