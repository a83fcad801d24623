using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using MortgageMath.Tests.Properties;
using MortgageMath.Verification;
using static MortgageMath.Tests.Verification.VerificationFixtures;

namespace MortgageMath.Tests.Verification;

/// <summary>Comparing our schedule with another system's: round trips, single changes found where they are, missing
/// and extra rows, tolerance, and each hint on its own constructed case only.</summary>
public class ScheduleComparisonTests
{
    private static readonly ScheduleColumn[] AmountColumns =
        [ScheduleColumn.OpeningBalance, ScheduleColumn.Payment, ScheduleColumn.Principal, ScheduleColumn.Interest, ScheduleColumn.ClosingBalance];

    private static VerificationResult Verify(string theirs, decimal tolerance = 0m) =>
        ScheduleComparison.Compare(Tv1, ScheduleReader.Parse(theirs), new VerificationOptions { Tolerance = tolerance });

    /// <summary>Our own CSV and JSON of any loan (any rounding, method, day count, odd first period) verify against it.</summary>
    [Property(MaxTest = 60)]
    public Property Our_own_csv_and_json_always_verify() =>
        Prop.ForAll(LoanGen.AnyRounding, loan =>
        {
            Schedule schedule = loan.BuildSchedule();
            VerificationResult csv = ScheduleComparison.Compare(schedule, ScheduleReader.Parse(Csv(schedule)));
            VerificationResult json = ScheduleComparison.Compare(schedule, ScheduleReader.Parse(Json(schedule)));
            Assert.True(csv.IsMatch, csv.ToString());
            Assert.True(json.IsMatch, json.ToString());
            Assert.Equal(schedule.Count, csv.RowsCompared);
            Assert.Equal(7, csv.ColumnsCompared.Count);
            Assert.Empty(csv.Hints);
        });

    /// <summary>The same for loans with events (prepayments, holidays, capitalizations, deferrals, restructurings):
    /// the rows of one period that such events add match ours in their order.</summary>
    [Property(MaxTest = 150)]
    public Property Our_own_csv_and_json_of_loans_with_events_verify() =>
        Prop.ForAll(MortgageMath.Tests.Specs.LoanSpecGen.Seeds, seed =>
        {
            if (MortgageMath.Tests.Specs.LoanSpecGen.Build(seed).Loan is not { } loan || !TryBuild(loan, out Schedule? schedule))
            {
                return;
            }

            VerificationResult csv = ScheduleComparison.Compare(schedule, ScheduleReader.Parse(Csv(schedule)));
            VerificationResult json = ScheduleComparison.Compare(schedule, ScheduleReader.Parse(Json(schedule)));
            Assert.True(csv.IsMatch, $"seed {seed}: {csv}");
            Assert.True(json.IsMatch, $"seed {seed}: {json}");
            Assert.Equal(schedule.Count, csv.RowsCompared);
        });

    private static bool TryBuild(Loan loan, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Schedule? schedule)
    {
        try
        {
            schedule = loan.BuildSchedule();
            return true;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            schedule = null;
            return false;
        }
    }

    [Fact]
    public void A_prepayment_row_matches_the_second_row_of_its_period_and_is_missing_when_theirs_lacks_it()
    {
        Schedule ours = MortgageMath.Specs.LoanSpec.Load(Path.Combine(MortgageMath.Tests.Docs.DocSamples.RepositoryRoot, "docs", "examples", "prepayment-tv7a.json")).Loan!.BuildSchedule();
        string csv = Csv(ours);
        Assert.True(ScheduleComparison.Compare(ours, ScheduleReader.Parse(csv)).IsMatch);

        // Their export without the prepayment row (period 12's second row, on 2025-03-20): one missing row, and the
        // regular rows around it still match, so nothing else differs.
        string withoutPrepayment = string.Join('\n', csv.Split('\n').Where(l => !l.Contains(",prepayment,", StringComparison.Ordinal)));
        VerificationResult result = ScheduleComparison.Compare(ours, ScheduleReader.Parse(withoutPrepayment));
        Assert.Equal(new Difference(12, null, DifferenceKind.MissingRow, null, null, null, null), Assert.Single(result.Differences));
        Assert.Equal(1, result.RowsDiffering);
    }

    /// <summary>One amount changed by one minor unit anywhere is found: exactly one difference, in that row and column,
    /// of that size; and a tolerance of one unit accepts it.</summary>
    [Property(MaxTest = 60)]
    public Property A_single_changed_cent_is_found_in_its_row_and_column() =>
        Prop.ForAll(Arb.From(
                from loan in LoanGen.Loans(LoanGen.Policies)
                from at in Gen.Choose(0, 1_000_000)
                from column in Gen.Elements(AmountColumns)
                from sign in Gen.Elements(1, -1)
                select (loan, at, column, sign)),
            c =>
            {
                (Loan loan, int at, ScheduleColumn column, int sign) = c;
                Schedule schedule = loan.BuildSchedule();
                int period = (at % schedule.Count) + 1;
                int places = loan.Rounding.DecimalPlaces;
                decimal unit = new decimal(1, 0, 0, sign < 0, (byte)places); // the minor unit, 10^-places
                int field = 3 + (column - ScheduleColumn.OpeningBalance);
                string csv = EditRow(Csv(schedule), period, f => f[field] = (D(f[field]) + unit).ToString("F" + places, CultureInfo.InvariantCulture));

                VerificationResult result = ScheduleComparison.Compare(schedule, ScheduleReader.Parse(csv));
                Difference difference = Assert.Single(result.Differences);
                Assert.Equal((period, (ScheduleColumn?)column, DifferenceKind.Value, unit, period + 1), (difference.Row, difference.Column, difference.Kind, difference.Delta!.Value, difference.Line));
                Assert.Equal(1, result.RowsDiffering);
                Assert.Equal(Math.Abs(unit), result.LargestDifference);
                Assert.True(ScheduleComparison.Compare(schedule, ScheduleReader.Parse(csv), new VerificationOptions { Tolerance = Math.Abs(unit) }).IsMatch);
            });

    [Fact]
    public void A_missing_row_is_one_difference_when_rows_carry_their_period()
    {
        string csv = string.Join('\n', Csv(Tv1).Split('\n').Where((_, k) => k != 7));
        VerificationResult result = Verify(csv);
        Assert.Equal(new Difference(7, null, DifferenceKind.MissingRow, null, null, null, null), Assert.Single(result.Differences));
        Assert.Equal((360, 359, 359, 1), (result.OurRows, result.TheirRows, result.RowsCompared, result.RowsDiffering));
        Assert.Empty(result.Hints);
    }

    [Fact]
    public void An_extra_and_a_repeated_row_are_differences()
    {
        string[] lines = Csv(Tv1).TrimEnd('\n').Split('\n');
        string csv = string.Join('\n', [.. lines, lines[5], "361,2054-04-20,4.9,0.00,0.00,0.00,0.00,0.00"]) + "\n";
        VerificationResult result = Verify(csv);
        Assert.Equal(2, result.DifferenceCount);
        Assert.All(result.Differences, d => Assert.Equal(DifferenceKind.ExtraRow, d.Kind));
        Assert.Equal([5, 361], result.Differences.Select(d => d.Row));
        Assert.Equal([362, 363], result.Differences.Select(d => d.Line!.Value));
    }

    [Fact]
    public void Without_a_period_column_rows_match_by_position_and_the_missing_tail_is_reported()
    {
        string csv = "payment\n" + string.Concat(Tv1.Take(358).Select(r => F(r.Payment) + "\n"));
        VerificationResult result = Verify(csv);
        Assert.Equal([359, 360], result.Differences.Select(d => d.Row));
        Assert.All(result.Differences, d => Assert.Equal(DifferenceKind.MissingRow, d.Kind));
    }

    [Fact]
    public void An_empty_cell_differs_from_our_value()
    {
        string csv = EditRow(Csv(Tv1), 3, f => f[6] = "");
        Difference d = Assert.Single(Verify(csv).Differences);
        Assert.Equal((3, (ScheduleColumn?)ScheduleColumn.Interest, "4073.32", (string?)null, (decimal?)null), (d.Row, d.Column, d.Ours, d.Theirs, d.Delta));
    }

    [Fact]
    public void Dates_and_rates_compare_exactly_whatever_the_tolerance()
    {
        string csv = EditRow(EditRow(Csv(Tv1), 2, f => f[1] = "2024-05-21"), 4, f => f[2] = "4.90");
        VerificationResult result = Verify(csv, tolerance: 1m);
        Difference date = Assert.Single(result.Differences);
        Assert.Equal(new Difference(2, ScheduleColumn.DueDate, DifferenceKind.Value, "2024-05-20", "2024-05-21", null, 3), date);
        Assert.Equal(0m, result.LargestDifference);
        Assert.Contains(Verify(EditRow(Csv(Tv1), 4, f => f[2] = "4.91"), tolerance: 1m).Differences, d => d.Column == ScheduleColumn.AnnualRate && d.Delta == 0.01m);
    }

    [Fact]
    public void More_decimals_than_ours_differ_unless_the_tolerance_allows()
    {
        string csv = EditRow(Csv(Tv1), 1, f => f[4] = "5307.2672");
        Assert.Equal(-0.0028m, Assert.Single(Verify(csv).Differences).Delta);
        Assert.True(Verify(csv, 0.01m).IsMatch);
    }

    [Fact]
    public void Only_the_first_differences_are_kept_but_all_are_counted()
    {
        VerificationResult result = ScheduleComparison.Compare(Tv1, ScheduleReader.Parse(Actual365Csv()), new VerificationOptions { MaxDifferences = 7 });
        Assert.Equal(7, result.Differences.Count);
        Assert.True(result.DifferenceCount > 1000);
        Assert.Equal(360, result.RowsDiffering);
    }

    // ---- hints: each fires on its constructed case, and on no other

    public static TheoryData<string, VerificationHintKind?> HintCases() => new()
    {
        { "actual-365", VerificationHintKind.ActualDayCount },
        { "odd-first-period", VerificationHintKind.OddFirstPeriod },
        { "unsettled-residue", VerificationHintKind.UnsettledResidue },
        { "one-cent", null },
        { "missing-row", null },
        { "all-payments-off", null },
        { "match", null },
    };

    private static string Case(string name) => name switch
    {
        "actual-365" => Actual365Csv(),
        "odd-first-period" => OddFirstPeriodCsv(),
        "unsettled-residue" => UnsettledResidueCsv(),
        "one-cent" => EditRow(Csv(Tv1), 100, f => f[6] = F(D(f[6]) + 0.01m)),
        "missing-row" => string.Join('\n', Csv(Tv1).Split('\n').Where((_, k) => k != 200)),
        "all-payments-off" => string.Join('\n', Csv(Tv1).Split('\n').Select((l, k) => k == 0 || l.Length == 0 ? l : Bump(l))),
        _ => Csv(Tv1),
    };

    private static string Bump(string line)
    {
        string[] f = line.Split(',');
        f[6] = F(D(f[6]) * 1.01m);
        return string.Join(',', f);
    }

    [Theory]
    [MemberData(nameof(HintCases))]
    public void Each_hint_fires_on_its_case_only(string name, VerificationHintKind? expected)
    {
        VerificationResult result = Verify(Case(name));
        Assert.Equal(expected is null ? [] : [expected.Value], result.Hints.Select(h => h.Kind));
    }

    [Fact]
    public void The_hints_carry_their_figures()
    {
        Assert.Equal(new VerificationHint(VerificationHintKind.ActualDayCount, 365m, 360), Assert.Single(Verify(Actual365Csv()).Hints));
        Assert.Equal(new VerificationHint(VerificationHintKind.OddFirstPeriod, 4219.44m, 1), Assert.Single(Verify(OddFirstPeriodCsv()).Hints));
        Assert.Equal(new VerificationHint(VerificationHintKind.UnsettledResidue, 5307.27m, 1), Assert.Single(Verify(UnsettledResidueCsv()).Hints));
    }

    [Fact]
    public void Actual_360_is_recognised_too()
    {
        // Their year of 360 days: rebuild the interest column as balance × rate × days ÷ 360 on our balances.
        var lines = new List<string> { "period,due_date,opening_balance,interest" };
        NodaTime.LocalDate previous = Tv1Loan.Disbursement;
        foreach (Installment row in Tv1)
        {
            int days = NodaTime.Period.DaysBetween(previous, row.DueDate);
            previous = row.DueDate;
            lines.Add($"{row.Period},{row.DueDate:yyyy-MM-dd},{F(row.OpeningBalance)},{F(Math.Round(row.OpeningBalance * 0.049m * days / 360m, 2, MidpointRounding.AwayFromZero))}");
        }

        VerificationResult result = ScheduleComparison.Compare(Tv1, ScheduleReader.Parse(string.Join('\n', lines) + "\n"));
        Assert.Equal(360m, Assert.Single(result.Hints).Value);
    }

    [Fact]
    public void Nulls_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => ScheduleComparison.Compare(null!, ScheduleReader.Parse(Csv(Tv1))));
        Assert.Throws<ArgumentNullException>(() => ScheduleComparison.Compare(Tv1, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new VerificationOptions { Tolerance = -0.01m });
        Assert.Throws<ArgumentOutOfRangeException>(() => new VerificationOptions { MaxDifferences = 0 });
    }
}
