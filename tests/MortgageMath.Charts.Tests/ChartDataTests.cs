using System.Globalization;
using NodaTime;

namespace MortgageMath.Charts.Tests;

/// <summary>What each chart holds: its series, their points and the axis ranges, against the schedule's own figures.</summary>
public sealed class ChartDataTests
{
    private static double X(int year, int month, int day) => new DateTime(year, month, day).ToOADate();

    [Fact]
    public void Balance_of_tv1_is_one_line_from_the_principal_on_the_disbursement_to_zero_on_the_last_due_date()
    {
        Chart chart = Samples.Tv1Schedule.Value.Chart().Balance();
        ChartSeries series = Assert.Single(chart.Model.Series);
        Assert.Equal(["Balance"], chart.SeriesNames);
        Assert.Equal(361, series.Count); // the disbursement + 360 payments
        Assert.Equal((X(2024, 3, 20), 1_000_000d), (series.X[0], series.Y[0]));
        Assert.Equal((X(2024, 4, 20), 998_776.06), (series.X[1], series.Y[1])); // TV-1 row 1: 1,000,000 − 1,223.94
        Assert.Equal((X(2054, 3, 20), 0d), (series.X[^1], series.Y[^1]));
        Assert.Equal((X(2024, 3, 20), X(2054, 3, 20)), chart.Model.XRange);
        Assert.Equal((0d, 1_050_000d), chart.Model.YRange);
        Assert.Equal("Outstanding balance", chart.Title);
        Assert.Equal("Amount (CNY)", chart.Model.YLabel);
    }

    [Fact]
    public void Principal_and_interest_are_two_stacked_bands_whose_top_is_the_payment()
    {
        Schedule schedule = Samples.Tv1Schedule.Value;
        Chart chart = schedule.Chart().PrincipalAndInterest();
        Assert.Equal(["Interest", "Principal"], chart.SeriesNames);
        ChartSeries interest = chart.Model.Series[0], principal = chart.Model.Series[1];
        Assert.All(chart.Model.Series, s => Assert.Equal(360, s.Count));
        Assert.All(interest.Base!, b => Assert.Equal(0d, b));
        Assert.Equal(interest.Y, principal.Base);
        Assert.Equal(4083.33, interest.Y[0]);
        Assert.Equal(5307.27, principal.Y[0]); // 1,223.94 + 4,083.33
        Assert.Equal((double)schedule.Last.Payment, principal.Y[^1]);
    }

    [Fact]
    public void Cumulative_interest_ends_at_the_schedule_total_interest()
    {
        Schedule schedule = Samples.Tv1Schedule.Value;
        ChartSeries series = Assert.Single(schedule.Chart().CumulativeInterest().Model.Series);
        Assert.Equal(0d, series.Y[0]);
        Assert.Equal((double)schedule.TotalInterest, series.Y[^1]);
        Assert.True(series.Y.Zip(series.Y.Skip(1)).All(p => p.Second >= p.First));
    }

    [Fact]
    public void Methods_compares_equal_installment_with_equal_principal_on_one_chart()
    {
        Chart chart = ScheduleChart.Methods(Samples.Tv1).CumulativeInterest();
        Assert.Equal(["Equal installment (等额本息)", "Equal principal (等额本金)"], chart.SeriesNames);
        Assert.All(chart.Model.Series, s => Assert.Equal(361, s.Count));
        // 等额本金 pays less interest in total: the second line ends lower.
        Assert.True(chart.Model.Series[1].Y[^1] < chart.Model.Series[0].Y[^1]);
        Assert.Equal(chart.Model.Series[0].Y[^1] * 1.05, chart.Model.YRange.Max, 6);
    }

    [Fact]
    public void A_prepayment_comparison_has_the_baseline_and_the_shorter_alternative_with_the_prepayment_on_its_date()
    {
        PrepaymentComparison comparison = Samples.Prepaid();
        Chart chart = comparison.Chart().Balance();
        Assert.Equal(["Without prepayment", "With prepayment"], chart.SeriesNames);
        Assert.Equal(361, chart.Model.Series[0].Count);
        Assert.Equal(comparison.Alternative.Count + 1, chart.Model.Series[1].Count); // 241 rows: the prepayment is its own row
        Assert.Equal(X(2054, 3, 20), chart.Model.XRange.Max);
        Assert.Contains(X(2025, 3, 20), chart.Model.Series[1].X);
        // Prepayment rows are not payments of the schedule's rhythm: the payment chart leaves them out.
        Assert.Equal(comparison.Alternative.RegularPayments, comparison.Chart().Payment().Model.Series[1].Count);
    }

    [Fact]
    public void A_combined_loan_has_one_line_per_leg_named_as_in_the_loan()
    {
        CombinedSchedule schedule = Samples.Combined();
        Chart chart = schedule.Chart().Balance();
        Assert.Equal(schedule.Loan.Legs.Select(l => l.Name), chart.SeriesNames);
        Assert.Equal(schedule.Legs.Select(l => l.Count + 1), chart.Model.Series.Select(s => s.Count));
        Assert.Equal((double)schedule.Loan.Legs[0].Loan.Principal * 1.05, chart.Model.YRange.Max, 6);
    }

    [Fact]
    public void The_rate_chart_steps_through_every_rate_change_and_marks_each_after_the_disbursement()
    {
        Schedule schedule = Samples.Floating();
        Chart chart = schedule.Chart().Rate();
        ChartSeries series = Assert.Single(chart.Model.Series);
        Assert.True(series.Step);
        Assert.Equal(schedule.RateChanges.Count + 1, series.Count);
        Assert.Equal(schedule.RateChanges.Select(c => (double)c.AnnualRate.ToPercent()), series.Y.Take(schedule.RateChanges.Count));
        int repricings = schedule.RateChanges.Count(c => (c.Causes & RateChangeCauses.Disbursement) == 0);
        Assert.True(repricings >= 3);
        Assert.Equal(repricings, chart.Model.Markers.Count);
        Assert.Equal(X(schedule.Last.DueDate.Year, schedule.Last.DueDate.Month, schedule.Last.DueDate.Day), chart.Model.XRange.Max);
        (double low, double high) = chart.Model.YRange;
        Assert.True(low <= series.Y.Min() && high >= series.Y.Max() && low >= 0);
    }

    [Fact]
    public void The_lpr_history_is_the_shipped_table_within_the_range()
    {
        Chart chart = RateTable.China.Chart(RateIndex.Lpr5Y, new LocalDate(2024, 1, 1), new LocalDate(2025, 12, 31));
        ChartSeries series = Assert.Single(chart.Model.Series);
        Assert.Equal(X(2024, 1, 1), series.X[0]);
        Assert.Equal(4.2, series.Y[0]); // the 5-year LPR in force on 2024-01-01 (4.20% since 2023-06-20)
        Assert.Equal(3.5, series.Y[^1]); // 3.50% since 2025-05-20
        Assert.Equal(X(2025, 12, 31), series.X[^1]);
        Assert.Throws<ArgumentException>(() => RateTable.China.Chart(RateIndex.Lpr5Y, new LocalDate(1990, 1, 1), new LocalDate(1991, 1, 1)));
    }

    [Fact]
    public void The_affordability_frontier_rises_with_income()
    {
        Chart chart = Samples.Frontier();
        ChartSeries series = Assert.Single(chart.Model.Series);
        Assert.Equal(6, series.Count);
        Assert.Equal([5_000d, 10_000d, 15_000d, 20_000d, 25_000d, 30_000d], series.X);
        Assert.True(series.Y.Zip(series.Y.Skip(1)).All(p => p.Second >= p.First));
        Assert.True(series.Y[^1] > series.Y[0]);
        Assert.Equal("Monthly income (CNY)", chart.Model.XLabel);
        Assert.Throws<ArgumentOutOfRangeException>(() => ChartExtensions.AffordabilityFrontier(
            MortgageMath.Affordability.AffordabilityPolicy.ChinaCommercial, new MortgageMath.Affordability.Household(new MortgageMath.Affordability.Borrower(10_000m, 35)),
            Samples.Tv1, [10_000m, 5_000m]));
    }

    [Fact]
    public void An_account_chart_has_what_was_due_against_what_was_received_and_marks_the_as_of_date()
    {
        Chart chart = Samples.Account().Chart();
        Assert.Equal(["Due (cumulative)", "Received (cumulative)"], chart.SeriesNames);
        Assert.Equal(1 + 5 + 1, chart.Model.Series[0].Count); // the disbursement, due 04-20 … 08-20, the as-of date
        Assert.Equal(5 * 5307.27, chart.Model.Series[0].Y[^1], 6);
        Assert.Equal(3 * 5307.27, chart.Model.Series[1].Y[^1], 6);
        Assert.Equal(X(2024, 9, 1), Assert.Single(chart.Model.Markers).X);
        Assert.Equal(X(2024, 9, 1), chart.Model.XRange.Max);
    }

    [Fact]
    public void The_drawn_axis_limits_are_the_data_ranges()
    {
        Chart chart = Samples.Tv1Schedule.Value.Chart().Balance();
        ScottPlot.AxisLimits limits = ChartRenderer.Build(chart.Model, chart.Options).Axes.GetLimits();
        Assert.Equal(chart.Model.XRange, (limits.Left, limits.Right));
        Assert.Equal(chart.Model.YRange, (limits.Bottom, limits.Top));
    }

    [Fact]
    public void A_schedule_compared_with_another_is_this_loan_in_the_legend()
    {
        Chart chart = Samples.Tv1Schedule.Value.Chart().And("Offer B", (Samples.Tv1 with { Periods = 240 }).BuildSchedule()).Balance();
        Assert.Equal(["This loan", "Offer B"], chart.SeriesNames);
        Assert.Equal([361, 241], chart.Model.Series.Select(s => s.Count));
    }

    [Fact]
    public void Options_check_their_ranges_and_compare_by_value()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new ChartOptions { Width = 10 });
        Assert.Equal("Width", e.ParamName);
        Assert.Equal(10, e.ActualValue);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChartOptions { Height = 9000 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChartOptions { Currency = " " });
        Assert.Equal(new ChartOptions { Width = 640, Culture = CultureInfo.GetCultureInfo("zh-CN") }, new ChartOptions { Width = 640, Culture = CultureInfo.GetCultureInfo("zh-CN") });
        Assert.NotEqual(ChartOptions.Default, ChartOptions.Default with { Currency = "USD" });
        Assert.Equal("Amount (USD)", Samples.Tv1Schedule.Value.Chart(new ChartOptions { Currency = "USD" }).Balance().Model.YLabel);
    }

    [Fact]
    public void Charts_compare_by_value_and_print_what_they_show()
    {
        Chart a = Samples.Tv1Schedule.Value.Chart().Balance(), b = Samples.Tv1.BuildSchedule().Chart().Balance();
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, a.WithTitle("Other"));
        Assert.NotEqual(a, a.WithSize(640, 360));
        Assert.Equal("Balance chart \"Outstanding balance\": Balance (361 points)", a.ToString());
    }

    [Theory]
    [InlineData("a.svg", ChartFileFormat.Svg)]
    [InlineData("dir/A.PNG", ChartFileFormat.Png)]
    public void The_format_follows_the_extension(string path, ChartFileFormat expected) =>
        Assert.Equal(expected, ChartFileFormats.FromPath(path));

    [Fact]
    public void Another_extension_is_refused_naming_the_path()
    {
        Assert.False(ChartFileFormats.TryFromPath("chart.jpg", out _));
        var e = Assert.Throws<ArgumentException>(() => Samples.Tv1Schedule.Value.Chart().Balance().Save("chart.jpg"));
        Assert.Equal("path", e.ParamName);
    }

    [Fact]
    public void Saving_leaves_only_the_file()
    {
        string dir = Directory.CreateTempSubdirectory("charts-").FullName;
        try
        {
            Samples.Tv1Schedule.Value.Chart().Balance().Save(Path.Combine(dir, "b.svg")).Save(Path.Combine(dir, "b.png"));
            Assert.Equal(["b.png", "b.svg"], Directory.GetFiles(dir).Select(Path.GetFileName).Order());
            Assert.Throws<DirectoryNotFoundException>(() => Samples.Tv1Schedule.Value.Chart().Balance().SaveSvg(Path.Combine(dir, "missing", "b.svg")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
