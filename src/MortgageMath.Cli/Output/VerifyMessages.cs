using System.Globalization;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using MortgageMath.Verification;

namespace MortgageMath.Cli;

/// <summary>
/// Every human-readable string of <c>mortgage verify</c>'s report, in one place so that a translation can replace
/// them together; they are resources (CliText <c>Verify_*</c>) read in the run's language, except the verdicts
/// (MATCH, DIFFERS, ERROR), which scripts look for, and the JUnit failure line. The JSON report keys hints by
/// <see cref="HintCode"/>.
/// </summary>
internal static class VerifyMessages
{
    internal const string Match = "MATCH";
    internal const string Differs = "DIFFERS";
    internal const string Error = "ERROR";
    internal static string Exact => CliText.Verify_Exact;
    internal static string NoValue => CliText.Verify_NoValue;
    internal static string MissingRow => CliText.Verify_MissingRow;
    internal static string ExtraRow => CliText.Verify_ExtraRow;
    internal static string TableHeaderRow => CliText.Verify_HeaderRow;
    internal static string TableHeaderColumn => CliText.Verify_HeaderColumn;
    internal static string TableHeaderOurs => CliText.Verify_HeaderOurs;
    internal static string TableHeaderTheirs => CliText.Verify_HeaderTheirs;
    internal static string TableHeaderDifference => CliText.Verify_HeaderDifference;
    internal static string TableHeaderLine => CliText.Verify_HeaderLine;

    internal static string Title(string spec, string schedule, string verdict) => Language.Format(CliText.Verify_Title, spec, schedule, verdict);

    internal static string Rows(int ours, int theirs, int compared, int differing) =>
        Language.Format(CliText.Verify_Rows, ours, theirs, compared, differing);

    internal static string Columns(IEnumerable<string> columns) => Language.Format(CliText.Verify_Columns, string.Join(", ", columns));

    internal static string Largest(string largest, string tolerance) => Language.Format(CliText.Verify_Largest, largest, tolerance);

    internal static string DifferenceCount(int count, int shown) => shown < count
        ? Language.Format(CliText.Verify_DifferenceCountShown, Invariant($"{count:N0}"), shown)
        : Language.Format(CliText.Verify_DifferenceCount, Invariant($"{count:N0}"));

    internal static string BookTitle(string book, int loans, int matching, int differing, int errors) => Language.Format(
        CliText.Verify_BookTitle, book, Invariant($"{loans:N0}"), Invariant($"{matching:N0}"), Invariant($"{differing:N0}"),
        errors > 0 ? Language.Format(CliText.Verify_BookUnchecked, Invariant($"{errors:N0}")) : "");

    internal static string BookLoan(string id, string verdict) => Language.Format(CliText.Verify_BookLoan, id, verdict);

    internal static string MoreLoans(int more) => Language.Format(CliText.Verify_MoreLoans, Invariant($"{more:N0}"));

    internal static string LoanError(string id, string message) => Language.Format(CliText.Verify_LoanError, id, Error, message);

    internal static string BookErrors(int errors, string first) => Language.Format(CliText.Verify_BookErrors, Invariant($"{errors:N0}"), first);

    /// <summary>A JUnit failure's message: a machine report, in English whatever the language.</summary>
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
    internal static string Hint(VerificationHint hint) => Language.Format(CliText.Verify_Hint, HintText(hint));

    /// <summary>A hint's text without its <c>hint:</c> label (the message of a hint in the JSON report).</summary>
    internal static string HintText(VerificationHint hint) => hint.Kind switch
    {
        VerificationHintKind.ActualDayCount => Language.Format(
            CliText.Verify_HintActualDays, Invariant($"{hint.Value:0}"), Invariant($"{hint.Rows:N0}")),
        VerificationHintKind.OddFirstPeriod => Language.Format(CliText.Verify_HintOddFirst, hint.Value),
        VerificationHintKind.UnsettledResidue => Language.Format(CliText.Verify_HintResidue, hint.Value),
        _ => hint.ToString() ?? "",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
