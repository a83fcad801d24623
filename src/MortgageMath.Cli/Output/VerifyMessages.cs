using System.Globalization;
using MortgageMath.Verification;

namespace MortgageMath.Cli;

/// <summary>
/// Every human-readable string of <c>mortgage verify</c>'s report, in one place so that a translation can replace
/// them together. The machine reports (JSON, JUnit) use the <see cref="HintCode"/>s and these texts as they are.
/// </summary>
internal static class VerifyMessages
{
    internal const string Match = "MATCH";
    internal const string Differs = "DIFFERS";
    internal const string Error = "ERROR";
    internal const string Exact = "exact";
    internal const string NoValue = "(empty)";
    internal const string MissingRow = "(row missing in theirs)";
    internal const string ExtraRow = "(extra row in theirs)";
    internal const string TableHeaderRow = "row";
    internal const string TableHeaderColumn = "column";
    internal const string TableHeaderOurs = "ours";
    internal const string TableHeaderTheirs = "theirs";
    internal const string TableHeaderDifference = "difference";
    internal const string TableHeaderLine = "line";

    internal static string Title(string spec, string schedule, string verdict) => $"verify: {spec} against {schedule}: {verdict}";

    internal static string Rows(int ours, int theirs, int compared, int differing) => Invariant(
        $"  rows: ours {ours}, theirs {theirs}, compared {compared}, differing {differing}");

    internal static string Columns(IEnumerable<string> columns) => "  columns compared: " + string.Join(", ", columns);

    internal static string Largest(string largest, string tolerance) => $"  largest difference: {largest} (tolerance {tolerance})";

    internal static string DifferenceCount(int count, int shown) => shown < count
        ? Invariant($"  differences: {count:N0} (the first {shown} below)")
        : Invariant($"  differences: {count:N0}");

    internal static string BookTitle(string book, int loans, int matching, int differing, int errors) => Invariant(
        $"verify: book {book}: {loans:N0} loans, {matching:N0} match, {differing:N0} differ{(errors > 0 ? $", {errors:N0} could not be checked" : "")}");

    internal static string BookLoan(string id, string verdict) => $"loan {id}: {verdict}";

    internal static string MoreLoans(int more) => Invariant($"… and {more:N0} more differing loans (see --report-json / --report-junit)");

    internal static string LoanError(string id, string message) => $"loan {id}: {Error}: {message}";

    internal static string BookErrors(int errors, string first) => Invariant(
        $"{errors:N0} loan(s) could not be checked; the first: {first}");

    internal static string JunitFailure(int differences, int rows, string largest) => Invariant(
        $"{differences:N0} difference(s) in {rows:N0} row(s); largest {largest}");

    /// <summary>The stable name of a hint in the machine reports.</summary>
    internal static string HintCode(VerificationHintKind kind) => kind switch
    {
        VerificationHintKind.ActualDayCount => "actual-day-count",
        VerificationHintKind.OddFirstPeriod => "odd-first-period",
        VerificationHintKind.UnsettledResidue => "unsettled-residue",
        _ => kind.ToString(),
    };

    /// <summary>A hint as a sentence.</summary>
    internal static string Hint(VerificationHint hint) => hint.Kind switch
    {
        VerificationHintKind.ActualDayCount => Invariant(
            $"hint: every differing interest is the balance × the rate × the period's actual days ÷ {hint.Value:0} ({hint.Rows:N0} rows): they use Actual/{hint.Value:0}."),
        VerificationHintKind.OddFirstPeriod => Invariant(
            $"hint: only the first period differs, in its interest (theirs {hint.Value}): an odd first period convention — how the days from disbursement to the first due date are charged."),
        VerificationHintKind.UnsettledResidue => Invariant(
            $"hint: their last payment repeats the regular one ({hint.Value}): they do not settle the rounding residue in the last payment."),
        _ => "hint: " + hint,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
