using System.Globalization;
using System.Text.Json;
using NodaTime;

namespace MortgageMath.Tests.Cli;

/// <summary>
/// <c>mortgage apr</c>: the PBoC annualized rate and the Reg Z APR of a loan, tied to the figures the library tests
/// check against their published sources (TV-11 of PBoC [2021] No.3; the fee-free TV-1 loan at its note rate).
/// </summary>
public class AprCliTests
{
    [Fact]
    public void Lang_zh_CN_labels_the_report_in_chinese_with_the_same_figures()
    {
        string[] args = ["apr", "--principal", "1000000", "--rate", "4.9%", "--years", "30", "--start", "2024-03-20", "--upfront-fee", "10000", "--periodic-fee", "20"];
        CliResult chinese = CliRunner.Run([.. args, "--lang", "zh-CN"]);
        CliResult english = CliRunner.Run([.. args, "--lang", "en"]);

        Assert.Equal(0, chinese.ExitCode);
        Assert.Contains("费用：前期 10,000.00（贷款 1,000,000.00，实收 990,000.00），每期正常还款另付 20.00。", chinese.Stdout, StringComparison.Ordinal);
        Assert.Contains("年化利率，中国人民银行公告〔2021〕第 3 号（内部收益率法）：\n", chinese.Stdout, StringComparison.Ordinal);
        Assert.Contains("  名义年化利率（月内部收益率 × 12）：5.02%\n", chinese.Stdout, StringComparison.Ordinal);
        Assert.Contains("  APR（单位期间利率 × 12，披露至两位小数）：5.02%\n", chinese.Stdout, StringComparison.Ordinal);
        static string[] Figures(string text) => [.. System.Text.RegularExpressions.Regex.Matches(text, @"\d[\d,]*\.\d+%?").Select(m => m.Value)];
        Assert.Equal(Figures(english.Stdout).Order(StringComparer.Ordinal), Figures(chinese.Stdout).Order(StringComparer.Ordinal)); // the same figures, in Chinese word order
    }

    /// <summary>TV-11 as a loan: 100,000 at 0% over 12 months, a 1,000 fee up front and 500 with each payment,
    /// i.e. 99,000 received and 12 × 8,833.33 repaid (the last 8,833.37, the rounding residue).</summary>
    private static readonly string[] Tv11 =
        ["apr", "--principal", "100000", "--rate", "0%", "--months", "12", "--start", "2021-03-20", "--upfront-fee", "1000", "--periodic-fee", "500"];

    private static readonly string[] Tv1 = ["apr", "--principal", "1000000", "--rate", "4.9%", "--years", "30", "--start", "2024-03-20"];

    private static JsonElement Json(params string[] args)
    {
        CliResult result = CliRunner.Run([.. args, "--format", "json"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("", result.Stderr);
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    private static decimal Raw(JsonElement element, string name) =>
        decimal.Parse(element.GetProperty(name).GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);

    [Fact] // PBoC [2021] No.3 via china-mortgage-conventions.md TV-11: 12.80% nominal, 13.58% effective.
    public void Tv11_gives_the_published_12_80_and_13_58_percent()
    {
        JsonElement root = Json(Tv11);

        JsonElement pboc = root.GetProperty("pboc");
        Assert.Equal(12.80m, decimal.Round(Raw(pboc, "nominal_pct"), 2));
        Assert.Equal(13.58m, decimal.Round(Raw(pboc, "effective_pct"), 2));
        Assert.Equal(1.06704m, decimal.Round(Raw(pboc, "monthly_rate") * 100m, 5)); // TV-11: 1.0670373% (equal payments; ours ends 4 cents higher)
        Assert.Equal(12.80m, Raw(root.GetProperty("reg_z"), "disclosed_pct"));

        JsonElement flows = root.GetProperty("cash_flows");
        Assert.Equal("99000.00", flows.GetProperty("advance").GetRawText());
        Assert.Equal(12, flows.GetProperty("payments").GetInt32());
        Assert.Equal("106000.00", flows.GetProperty("total_payments").GetRawText());
    }

    [Fact]
    public void The_figures_are_the_librarys_exactly()
    {
        JsonElement root = Json(Tv11);

        Schedule schedule = new Loan(100_000m, Rate.Percent(0m), 12, new LocalDate(2021, 3, 20)).BuildSchedule();
        PbocAnnualizedRate pboc = MortgageMath.Analytics.Apr.Pboc(schedule, 1_000m, 500m);
        RegZApr regZ = MortgageMath.Analytics.Apr.RegZActuarial(LoanCashFlows.From(schedule, 1_000m, 500m));
        Assert.Equal(pboc.PeriodicRate.ToString(CultureInfo.InvariantCulture), root.GetProperty("pboc").GetProperty("monthly_rate").GetRawText());
        Assert.Equal(pboc.Nominal.ToPercent(), Raw(root.GetProperty("pboc"), "nominal_pct"));
        Assert.Equal(pboc.Effective.ToPercent(), Raw(root.GetProperty("pboc"), "effective_pct"));
        Assert.Equal(regZ.UnitPeriodRate, Raw(root.GetProperty("reg_z"), "unit_period_rate"));
        Assert.Equal(regZ.AnnualRate.ToPercent(), Raw(root.GetProperty("reg_z"), "annual_rate_pct"));
        Assert.Equal(12m, Raw(root.GetProperty("reg_z"), "unit_periods_per_year"));
    }

    [Fact] // The fee-free TV-1 loan (PbocAnnualizedRateTests): 4.90% nominal, 5.01% effective, Reg Z 4.90%.
    public void A_fee_free_loan_is_at_its_note_rate()
    {
        CliResult result = CliRunner.Run(Tv1);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Stderr);
        Assert.Contains("\n  Nominal annualized rate (monthly IRR × 12): 4.90%\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n  Effective annualized rate ((1 + monthly IRR)^12 − 1): 5.01%\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n  APR (unit-period rate × 12, disclosed to two decimals): 4.90%\n", result.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("Loan: 1,000,000.00 at 4.9% a year over 360 months", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Fees: none.", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_names_each_figures_method_and_the_cash_flows()
    {
        CliResult result = CliRunner.Run(Tv11);

        Assert.Equal(0, result.ExitCode);
        string expectedTail = string.Join('\n',
            "Fees: 1,000.00 up front (received: 99,000.00 of the 100,000.00 lent), 500.00 with each regular payment.",
            "Cash flows: 99,000.00 received on 2021-03-20; 12 payments from 2021-04-20 to 2022-03-20, 106,000.00 in total.",
            "",
            "Annualized rate, PBoC [2021] No.3 (IRR method, 内部收益率法):",
            "  Monthly IRR: 1.0670430%", // TV-11 prints 1.0670373% for 12 equal payments; here the last is 4 cents more
            "  Nominal annualized rate (monthly IRR × 12): 12.80%",
            "  Effective annualized rate ((1 + monthly IRR)^12 − 1): 13.58%",
            "APR, Regulation Z Appendix J (actuarial method, monthly unit-period):",
            "  Unit-period rate: 1.0670430% a month",
            "  APR (unit-period rate × 12, disclosed to two decimals): 12.80%",
            "");
        Assert.EndsWith(expectedTail, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_has_the_same_figures_as_bullets()
    {
        CliResult result = CliRunner.Run([.. Tv11, "--format", "markdown"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("- Nominal annualized rate (monthly IRR × 12): 12.80%\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("**APR, Regulation Z Appendix J (actuarial method, monthly unit-period)**", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_spec_and_a_leg_of_a_combined_spec_work()
    {
        JsonElement floating = Json("apr", "--spec", Path.Combine(SpecFiles.ExamplesDirectory(), "lpr-spread-change.json"));
        Assert.True(Raw(floating.GetProperty("pboc"), "nominal_pct") > 0m);

        JsonElement leg = Json("apr", "--spec", Path.Combine(SpecFiles.ExamplesDirectory(), "combined-tv9.json"), "--leg", "provident-fund");
        Assert.Equal("provident-fund", leg.GetProperty("leg").GetString());
        Assert.Equal(2.60m, Raw(leg.GetProperty("reg_z"), "disclosed_pct"));
    }

    [Theory]
    [InlineData(new[] { "--upfront-fee", "1000000" }, "error: --upfront-fee: Up-front fees must be at least 0 and less than the principal (1000000); were 1000000.")]
    [InlineData(new[] { "--upfront-fee", "-1" }, "error: --upfront-fee must be 0 or more; was -1.")]
    [InlineData(new[] { "--periodic-fee", "ten" }, "error: --periodic-fee 'ten' is not an amount; write a plain number without thousands separators, e.g. 500 or 12.50.")]
    [InlineData(new[] { "--format", "csv" }, "error: --format 'csv' is not a format for apr; write table, json or markdown.")]
    public void Bad_fees_and_formats_are_one_error_line(string[] extra, string expected)
    {
        CliResult result = CliRunner.Run([.. Tv1, .. extra]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal(expected + "\n", result.Stderr);
    }

    [Fact]
    public void A_rate_beyond_what_a_rate_holds_is_bad_input_not_a_crash()
    {
        // 1,000 lent for one month with 999 withheld: 1 received, about 1,004 repaid: 100,000% a month.
        CliResult result = CliRunner.Run("apr", "--principal", "1000", "--rate", "5%", "--months", "1", "--start", "2024-03-20", "--upfront-fee", "999");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        string line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("error: the annualized rate of these cash flows is beyond ±1000% a year", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_the_options()
    {
        CliResult result = CliRunner.Run("apr", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (string option in new[] { "--principal", "--spec", "--leg", "--upfront-fee", "--periodic-fee", "--format" })
        {
            Assert.Contains(option, result.Stdout, StringComparison.Ordinal);
        }
    }
}
