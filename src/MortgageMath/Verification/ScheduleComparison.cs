using System.Globalization;
using MortgageMath.Serialization;
using NodaTime;

namespace MortgageMath.Verification;

/// <summary>
/// Compares our schedule with another system's, row by row and column by column (<c>docs/ci.md</c>). Rows are matched
/// by period number when their schedule has one (the k-th row of a period with the k-th: a prepayment row shares its
/// period's number), else by position; a row one side lacks is a difference
/// (<see cref="DifferenceKind.MissingRow"/>, <see cref="DifferenceKind.ExtraRow"/>). Each column their schedule has is
/// compared: dates and rates exactly, amounts within <see cref="VerificationOptions.Tolerance"/>; an empty cell differs
/// from any value. Recognised patterns become <see cref="VerificationHint"/>s.
/// </summary>
/// <example>
/// <code>
/// Schedule ours = LoanSpec.Load("loan.json").BuildSchedule();
/// ForeignSchedule theirs = ScheduleReader.Load("bank-export.csv");
/// VerificationResult result = ScheduleComparison.Compare(ours, theirs, new VerificationOptions { Tolerance = 0.01m });
/// </code>
/// </example>
public static class ScheduleComparison
{
    private static readonly ScheduleColumn[] Compared =
    [
        ScheduleColumn.DueDate, ScheduleColumn.AnnualRate, ScheduleColumn.OpeningBalance, ScheduleColumn.Payment,
        ScheduleColumn.Principal, ScheduleColumn.Interest, ScheduleColumn.ClosingBalance,
    ];

    /// <summary>Compares <paramref name="ours"/> with <paramref name="theirs"/>.</summary>
    /// <param name="ours">Our schedule.</param>
    /// <param name="theirs">Theirs.</param>
    /// <param name="options">The tolerance and how many differences to keep; <see cref="VerificationOptions.Default"/> when null.</param>
    /// <returns>The result; <see cref="VerificationResult.IsMatch"/> when nothing differs.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ours"/> or <paramref name="theirs"/> is null.</exception>
    public static VerificationResult Compare(Schedule ours, ForeignSchedule theirs, VerificationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ours);
        ArgumentNullException.ThrowIfNull(theirs);
        options ??= VerificationOptions.Default;
        decimal tolerance = options.Tolerance;
        ScheduleColumn[] columns = [.. Compared.Where(theirs.HasColumn)];
        ReadOnlySpan<ForeignRow> rows = theirs.Span;
        int[] match = Align(ours, rows, out bool[] used);

        var kept = new List<Difference>();
        int count = 0, rowsDiffering = 0, compared = 0, missing = 0;
        decimal largest = 0m;
        var differingRows = new List<int>();
        var differingColumns = new HashSet<ScheduleColumn>();
        int places = ours.Places;
        for (int i = 0; i < ours.Count; i++)
        {
            Installment row = ours[i];
            int j = match[i];
            if (j < 0)
            {
                missing++;
                rowsDiffering++;
                differingRows.Add(row.Period);
                Add(new Difference(row.Period, null, DifferenceKind.MissingRow, null, null, null, null));
                continue;
            }

            compared++;
            ForeignRow theirRow = rows[j];
            bool differs = false;
            foreach (ScheduleColumn column in columns)
            {
                Difference? d = CompareValue(row, theirRow, column, places, tolerance);
                if (d is null)
                {
                    continue;
                }

                differs = true;
                if (d.Column is not ScheduleColumn.AnnualRate && d.Delta is { } delta)
                {
                    largest = Math.Max(largest, Math.Abs(delta));
                }

                if (i == ours.Count - 1 || i == 0)
                {
                    differingColumns.Add(d.Column!.Value);
                }

                Add(d);
            }

            if (differs)
            {
                rowsDiffering++;
                differingRows.Add(row.Period);
            }
        }

        int extra = 0;
        for (int j = 0; j < rows.Length; j++)
        {
            if (used[j])
            {
                continue;
            }

            extra++;
            rowsDiffering++;
            int rowNumber = rows[j].Period ?? j + 1;
            Add(new Difference(rowNumber, null, DifferenceKind.ExtraRow, null, Describe(rows[j]), null, rows[j].Line == 0 ? null : rows[j].Line));
        }

        List<VerificationHint> hints = [];
        if (missing == 0 && extra == 0 && count > 0)
        {
            Hints(ours, rows, match, differingRows, differingColumns, tolerance, hints);
        }

        return new VerificationResult(ours.Count, rows.Length, compared, rowsDiffering, count, kept.AsReadOnly(), largest,
            Array.AsReadOnly(columns), hints.AsReadOnly(), tolerance);

        void Add(Difference difference)
        {
            count++;
            if (kept.Count < options.MaxDifferences)
            {
                kept.Add(difference);
            }
        }
    }

    /// <summary>Per our row, the index of their row matched with it, or −1; <paramref name="used"/> marks their matched rows.</summary>
    private static int[] Align(Schedule ours, ReadOnlySpan<ForeignRow> rows, out bool[] used)
    {
        int[] match = new int[ours.Count];
        used = new bool[rows.Length];
        bool byPeriod = rows.Length > 0;
        foreach (ForeignRow row in rows)
        {
            byPeriod &= row.Period.HasValue;
        }

        if (!byPeriod)
        {
            for (int i = 0; i < match.Length; i++)
            {
                match[i] = i < rows.Length ? i : -1;
                if (i < rows.Length)
                {
                    used[i] = true;
                }
            }

            return match;
        }

        // Their rows of each period, in file order: `first` holds the next unmatched one, `next` chains the rest. A
        // period can have several rows (a prepayment, a capitalization or a deferral shares its period's number), so
        // our k-th row of a period is matched with their k-th row of it; a row of theirs left over is an extra row.
        var first = new Dictionary<int, int>(rows.Length);
        int[] next = new int[rows.Length];
        for (int j = rows.Length - 1; j >= 0; j--)
        {
            int period = rows[j].Period!.Value;
            next[j] = first.TryGetValue(period, out int later) ? later : -1;
            first[period] = j;
        }

        for (int i = 0; i < match.Length; i++)
        {
            if (first.TryGetValue(ours[i].Period, out int j) && j >= 0)
            {
                match[i] = j;
                used[j] = true;
                first[ours[i].Period] = next[j];
            }
            else
            {
                match[i] = -1;
            }
        }

        return match;
    }

    private static Difference? CompareValue(in Installment row, in ForeignRow theirs, ScheduleColumn column, int places, decimal tolerance)
    {
        int? line = theirs.Line == 0 ? null : theirs.Line;
        if (column == ScheduleColumn.DueDate)
        {
            LocalDate? date = theirs.DueDate;
            return date == row.DueDate
                ? null
                : new Difference(row.Period, column, DifferenceKind.Value, ExportText.Date(row.DueDate), date is { } d ? ExportText.Date(d) : null, null, line);
        }

        decimal? value = theirs.Amount(column);
        if (column == ScheduleColumn.AnnualRate)
        {
            decimal rate = row.AnnualRate.ToPercent();
            return value == rate
                ? null
                : new Difference(row.Period, column, DifferenceKind.Value, ExportText.Exact(rate), value?.ToString(CultureInfo.InvariantCulture), value - rate, line);
        }

        decimal ours = OurAmount(row, column);
        if (value is { } v && Math.Abs(v - ours) <= tolerance)
        {
            return null;
        }

        return new Difference(row.Period, column, DifferenceKind.Value, ExportText.Plain(ours, places), value?.ToString(CultureInfo.InvariantCulture), value - ours, line);
    }

    private static decimal OurAmount(in Installment row, ScheduleColumn column) => column switch
    {
        ScheduleColumn.OpeningBalance => row.OpeningBalance,
        ScheduleColumn.Payment => row.Payment,
        ScheduleColumn.Principal => row.Principal,
        ScheduleColumn.Interest => row.Interest,
        ScheduleColumn.ClosingBalance => row.ClosingBalance,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, Resources.LibraryText.Err_VerifyNotAmountColumn),
    };

    private static string Describe(in ForeignRow row)
    {
        var parts = new List<string>(4);
        if (row.DueDate is { } date)
        {
            parts.Add(ExportText.Date(date));
        }

        if (row.Payment is { } payment)
        {
            parts.Add(payment.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "row" : string.Join(' ', parts);
    }

    private static void Hints(
        Schedule ours, ReadOnlySpan<ForeignRow> rows, int[] match, List<int> differingRows, HashSet<ScheduleColumn> edgeColumns,
        decimal tolerance, List<VerificationHint> hints)
    {
        if (differingRows.Count == 1 && differingRows[0] == ours[0].Period && edgeColumns.Contains(ScheduleColumn.Interest))
        {
            hints.Add(new VerificationHint(VerificationHintKind.OddFirstPeriod, rows[match[0]].Interest ?? 0m, 1));
            return;
        }

        int last = ours.Count - 1;
        if (last >= 1 && differingRows.Count == 1 && differingRows[0] == ours[last].Period && edgeColumns.Contains(ScheduleColumn.Payment))
        {
            decimal theirLast = rows[match[last]].Payment!.Value;
            decimal regular = rows[match[last - 1]].Payment ?? ours[last - 1].Payment;
            if (Math.Abs(theirLast - regular) <= tolerance && ours[last].Payment != regular)
            {
                hints.Add(new VerificationHint(VerificationHintKind.UnsettledResidue, theirLast, 1));
            }

            return;
        }

        DayCountHint(ours, rows, match, tolerance, hints);
    }

    /// <summary>
    /// <see cref="VerificationHintKind.ActualDayCount"/>: in at least three rows, and 90% of the rows whose interest
    /// differs, their interest is their opening balance × the rate × the period's days ÷ a fixed year (365 or 360),
    /// within the half cent of rounding; and ours is not.
    /// </summary>
    private static void DayCountHint(Schedule ours, ReadOnlySpan<ForeignRow> rows, int[] match, decimal tolerance, List<VerificationHint> hints)
    {
        ReadOnlySpan<int> years = [365, 360];
        Span<int> theirFits = stackalloc int[2];
        Span<int> ourFits = stackalloc int[2];
        int candidates = 0;
        for (int i = 0; i < ours.Count; i++)
        {
            Installment row = ours[i];
            ForeignRow theirs = rows[match[i]];
            if (row.RateChanged || theirs.Interest is not { } interest || Math.Abs(interest - row.Interest) <= tolerance || interest < 1m || row.Interest < 1m)
            {
                continue;
            }

            decimal balance = theirs.OpeningBalance
                ?? (i > 0 ? rows[match[i - 1]].ClosingBalance : null)
                ?? row.OpeningBalance;
            LocalDate from = i == 0 ? ours.Loan.Disbursement : ours[i - 1].DueDate;
            int days = Period.DaysBetween(from, row.DueDate);
            if (days <= 0)
            {
                continue;
            }

            candidates++;
            decimal rate = row.AnnualRate.ToFraction();
            for (int k = 0; k < years.Length; k++)
            {
                theirFits[k] += Fits(balance, rate, days, interest, years[k]) ? 1 : 0;
                ourFits[k] += Fits(row.OpeningBalance, rate, days, row.Interest, years[k]) ? 1 : 0;
            }
        }

        for (int k = 0; k < years.Length; k++)
        {
            if (theirFits[k] >= 3 && theirFits[k] * 10 >= candidates * 9 && ourFits[k] * 2 < candidates)
            {
                hints.Add(new VerificationHint(VerificationHintKind.ActualDayCount, years[k], theirFits[k]));
                return;
            }
        }
    }

    /// <summary>Whether <paramref name="interest"/> is <paramref name="balance"/> × <paramref name="rate"/> × days ÷ year, rounded to the cent.</summary>
    private static bool Fits(decimal balance, decimal rate, int days, decimal interest, int year)
    {
        decimal exact = balance * rate * days / year;
        return Math.Abs(exact - interest) <= 0.0051m;
    }
}
