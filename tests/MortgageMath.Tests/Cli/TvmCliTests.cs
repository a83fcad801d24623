using System.Globalization;
using System.Text.Json;
using MortgageMath.Tests.Analytics;
using NodaTime;

namespace MortgageMath.Tests.Cli;

/// <summary>
/// <c>mortgage tvm FUNCTION</c>: Excel's time-value functions from the tool. Each golden figure is one the library
/// tests check against Excel's documentation (ExcelDocVectorTests, peers.md §5.1): the tool must print the library's
/// value exactly, and that value must match the published one.
/// </summary>
public class TvmCliTests
{
    private const decimal DoubleTolerance = 0.000000001m; // as ExcelDocVectorTests: 1e-9 relative to Excel's double

    private const string XirrFlows = "2008-01-01=-10000,2008-03-01=2750,2008-10-30=4250,2009-02-15=3250,2009-04-01=2750";

    private static decimal Result(params string[] args)
    {
        CliResult result = CliRunner.Run(["tvm", .. args, "--format", "json"]);
        Assert.True(result.ExitCode == 0, $"exit code {result.ExitCode}: {result.Stderr}");
        Assert.Equal("", result.Stderr);
        using JsonDocument doc = JsonDocument.Parse(result.Stdout);
        return decimal.Parse(doc.RootElement.GetProperty("result").GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static void AssertError(string expected, params string[] args)
    {
        CliResult result = CliRunner.Run(["tvm", .. args]);
        Assert.True(result.ExitCode == 2, $"exit code {result.ExitCode}: {result.Stderr}{result.Stdout}");
        Assert.Equal("", result.Stdout);
        Assert.Equal(expected + "\n", result.Stderr);
    }

    [Fact] // PMT(8%/12,10,10000) = (1,037.03)
    public void Pmt()
    {
        decimal pmt = Result("pmt", "--rate", "8%/12", "--nper", "10", "--pv", "10000");
        Assert.Equal(Tvm.Pmt(0.08m / 12, 10, 10000m), pmt);
        Near.Printed(-1037.03m, pmt, 2);
        Near.Relative(-1037.0320893591638m, pmt, DoubleTolerance);
    }

    [Fact] // PMT(8%/12,10,10000,0,1) = (1,030.16)
    public void Pmt_beginning_of_period()
    {
        decimal pmt = Result("pmt", "--rate", "8%/12", "--nper", "10", "--pv", "10000", "--fv", "0", "--type", "begin");
        Assert.Equal(Tvm.Pmt(0.08m / 12, 10, 10000m, 0m, PaymentTiming.BeginningOfPeriod), pmt);
        Near.Printed(-1030.16m, pmt, 2);
    }

    [Fact] // IPMT(10%/12,1,3*12,8000) = (66.67); PPMT(10%/12,1,2*12,2000) = (75.62)
    public void IPmt_and_PPmt()
    {
        decimal ipmt = Result("ipmt", "--rate", "10%/12", "--per", "1", "--nper", "36", "--pv", "8000");
        Assert.Equal(Tvm.IPmt(0.1m / 12, 1, 36, 8000m), ipmt);
        Near.Printed(-66.67m, ipmt, 2);

        decimal ppmt = Result("ppmt", "--rate", "10%/12", "--per", "1", "--nper", "24", "--pv", "2000");
        Assert.Equal(Tvm.PPmt(0.1m / 12, 1, 24, 2000m), ppmt);
        Near.Printed(-75.62m, ppmt, 2);
        Near.Relative(-75.62318600836666m, ppmt, DoubleTolerance);
    }

    [Fact] // PV(8%/12,12*20,500) = -59777.145851187764; FV(6%/12,10,-200,-500,1) = 2581.403374060135
    public void Pv_and_Fv()
    {
        decimal pv = Result("pv", "--rate", "8%/12", "--nper", "240", "--pmt", "500");
        Assert.Equal(Tvm.Pv(0.08m / 12, 240, 500m), pv);
        Near.Relative(-59777.145851187764m, pv, DoubleTolerance);

        decimal fv = Result("fv", "--rate", "6%/12", "--nper", "10", "--pmt", "-200", "--pv", "-500", "--type", "begin");
        Assert.Equal(Tvm.Fv(0.06m / 12, 10, -200m, -500m, PaymentTiming.BeginningOfPeriod), fv);
        Near.Relative(2581.403374060135m, fv, DoubleTolerance);
    }

    [Fact] // NPER(12%/12,-100,-1000,10000,1) = 59.6738657; (…,0) = 60.0821229
    public void NPer()
    {
        decimal begin = Result("nper", "--rate", "12%/12", "--pmt", "-100", "--pv", "-1000", "--fv", "10000", "--type", "1");
        Assert.Equal(Tvm.NPer(0.12m / 12, -100m, -1000m, 10000m, PaymentTiming.BeginningOfPeriod), begin);
        Near.Printed(59.6738657m, begin, 7);

        decimal end = Result("nper", "--rate", "1%", "--pmt", "-100", "--pv", "-1000", "--fv", "10000");
        Near.Printed(60.0821229m, end, 7);
    }

    [Fact] // RATE(4*12,-200,8000) = 0.007701472488232753 (double here)
    public void Rate()
    {
        decimal rate = Result("rate", "--nper", "48", "--pmt", "-200", "--pv", "8000");
        Assert.Equal(Tvm.Rate(48, -200m, 8000m), rate);
        Near.Relative(0.007701472488232753m, rate, DoubleTolerance);
        Near.Printed(9.24m, rate * 12m * 100m, 2);
    }

    [Fact] // NPV(10%,-10000,3000,4200,6800) = 1188.4434123352216; IRR(-70000,…,26000) = 8.7%, three values guess -10%: -44.4%
    public void Npv_and_Irr()
    {
        decimal npv = Result("npv", "--rate", "10%", "--values", "-10000,3000,4200,6800");
        Assert.Equal(CashFlows.Npv(0.1m, [-10000m, 3000m, 4200m, 6800m]), npv);
        Near.Relative(1188.4434123352216m, npv, DoubleTolerance);

        decimal irr = Result("irr", "--values", "-70000,12000,15000,18000,21000,26000");
        Assert.Equal(CashFlows.Irr([-70000m, 12000m, 15000m, 18000m, 21000m, 26000m]), irr);
        Near.Relative(0.08663094803653158m, irr, DoubleTolerance);

        decimal two = Result("irr", "--values", "-70000,12000,15000", "--guess", "-10%");
        Near.Relative(-0.44350694133517843m, two, DoubleTolerance);
    }

    [Fact] // XNPV(9%, Excel's flows) = 2086.647602031535; XIRR = 0.3733625335188315 (double here)
    public void Xnpv_and_Xirr()
    {
        decimal xnpv = Result("xnpv", "--rate", "9%", "--flows", XirrFlows);
        Assert.Equal(CashFlows.Xnpv(0.09m, ExcelDocVectorTests.XirrFlows), xnpv);
        Near.Relative(2086.647602031535m, xnpv, DoubleTolerance);

        decimal xirr = Result("xirr", "--flows", XirrFlows);
        Assert.Equal(CashFlows.Xirr(ExcelDocVectorTests.XirrFlows), xirr);
        Near.Relative(0.3733625335188315m, xirr, DoubleTolerance);
    }

    [Fact]
    public void Values_and_flows_can_come_from_a_file()
    {
        string values = SpecFiles.Write("# Excel's IRR example\nvalue\n-70000\n12000\n15000\n\n18000\n21000\n26000\n", ".csv");
        Assert.Equal(CashFlows.Irr([-70000m, 12000m, 15000m, 18000m, 21000m, 26000m]), Result("irr", "--file", values));

        string flows = SpecFiles.Write("date,amount\n2008-01-01,-10000\n2008-03-01,2750\n2008-10-30,4250\n2009-02-15,3250\n2009-04-01,2750\n", ".csv");
        Assert.Equal(CashFlows.Xirr(ExcelDocVectorTests.XirrFlows), Result("xirr", "--file", flows));
    }

    [Fact]
    public void The_table_echoes_the_arguments_as_read_and_the_result()
    {
        CliResult result = CliRunner.Run("tvm", "pmt", "--rate", "8%/12", "--nper", "10", "--pv", "10000");

        Assert.Equal(0, result.ExitCode);
        string exact = Tvm.Pmt(0.08m / 12, 10, 10000m).ToString(CultureInfo.InvariantCulture);
        Assert.Equal(
            "PMT(rate 0.0066666666666666666666666667, nper 10, pv 10000, fv 0, type end)\n" +
            $"= {exact}\n",
            result.Stdout);

        CliResult rate = CliRunner.Run("tvm", "rate", "--nper", "48", "--pmt", "-200", "--pv", "8000");
        string r = Tvm.Rate(48, -200m, 8000m).ToString(CultureInfo.InvariantCulture);
        Assert.StartsWith($"RATE(nper 48, pmt -200, pv 8000, fv 0, type end, guess 0.1)\n= {r}\n= 0.77014724882", rate.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("% per period\n", rate.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_and_csv_carry_the_function_its_arguments_and_the_result()
    {
        CliResult json = CliRunner.Run("tvm", "xnpv", "--rate", "9%", "--flows", XirrFlows, "--format", "json");
        using JsonDocument doc = JsonDocument.Parse(json.Stdout);
        Assert.Equal("xnpv", doc.RootElement.GetProperty("function").GetString());
        JsonElement arguments = doc.RootElement.GetProperty("arguments");
        Assert.Equal("0.09", arguments.GetProperty("rate").GetRawText());
        Assert.Equal(5, arguments.GetProperty("flows").GetArrayLength());
        Assert.Equal("2008-03-01", arguments.GetProperty("flows")[1].GetProperty("date").GetString());
        Assert.Equal("2750", arguments.GetProperty("flows")[1].GetProperty("amount").GetRawText());

        CliResult csv = CliRunner.Run("tvm", "pmt", "--rate", "0%", "--nper", "25", "--pv", "3000", "--format", "csv");
        Assert.Equal("function,result\npmt,-120\n", csv.Stdout);
    }

    [Fact]
    public void Help_lists_the_functions_and_each_functions_options()
    {
        CliResult tvm = CliRunner.Run("tvm", "--help");
        Assert.Equal(0, tvm.ExitCode);
        foreach (string function in new[] { "pmt", "ipmt", "ppmt", "pv", "fv", "nper", "rate", "npv", "irr", "xnpv", "xirr" })
        {
            Assert.Contains("  " + function + " ", tvm.Stdout, StringComparison.Ordinal);
        }

        CliResult ipmt = CliRunner.Run("tvm", "ipmt", "--help");
        Assert.Equal(0, ipmt.ExitCode);
        foreach (string option in new[] { "--rate", "--per", "--nper", "--pv", "--fv", "--type", "--format" })
        {
            Assert.Contains(option, ipmt.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_rate_needs_its_unit() =>
        AssertError(
            "error: --rate '0.08' has no unit; write 0.08% or 8bp (a rate per period: 8%/12 is 8% a year paid monthly).",
            "pmt", "--rate", "0.08", "--nper", "10", "--pv", "10000");

    [Theory]
    [InlineData("error: --rate '8%/0': the number of periods a year must be a whole number from 1 up; write e.g. 8%/12.", "pmt", "--rate", "8%/0", "--nper", "10", "--pv", "10000")]
    [InlineData("error: --rate: The rate per period must be greater than -1 (-100%); was -1.", "pmt", "--rate", "-100%", "--nper", "10", "--pv", "10000")]
    [InlineData("error: Option '--nper' is required; see 'mortgage tvm pmt --help'.", "pmt", "--rate", "1%", "--pv", "10000")]
    [InlineData("error: --nper 'ten' is not a whole number; write e.g. --nper 360.", "pmt", "--rate", "1%", "--nper", "ten", "--pv", "10000")]
    [InlineData("error: --nper: The number of periods must be at least 1 (Excel returns #NUM! otherwise); was 0.", "pmt", "--rate", "1%", "--nper", "0", "--pv", "10000")]
    [InlineData("error: --per: The period must be between 1 and nper (36); was 37.", "ipmt", "--rate", "1%", "--per", "37", "--nper", "36", "--pv", "8000")]
    [InlineData("error: --pv '10,000' is not an amount; write a plain number with its sign (received positive, paid negative), e.g. 10000 or -200.", "pmt", "--rate", "1%", "--nper", "10", "--pv", "10,000")]
    [InlineData("error: --type 'start' is not a payment timing; write end (Excel 0, the default) or begin (Excel 1).", "pmt", "--rate", "1%", "--nper", "10", "--pv", "10000", "--type", "start")]
    [InlineData("error: --format 'markdown' is not a format for tvm; write table, json or csv.", "pmt", "--rate", "1%", "--nper", "10", "--pv", "10000", "--format", "markdown")]
    [InlineData("error: --values: value 2 'abc' is not a number; write the values as plain numbers separated by commas, e.g. -10000,3000,4200.", "npv", "--rate", "10%", "--values", "-10000,abc")]
    [InlineData("error: the values are missing; give --values V1,V2,... or --file FILE.", "npv", "--rate", "10%")]
    [InlineData("error: give the values once: --values or --file, not both.", "irr", "--values", "-1,2", "--file", "x.csv")]
    [InlineData("error: --flows: flow 2 '2008-03-01' is not DATE=AMOUNT; write e.g. 2008-03-01=2750.", "xirr", "--flows", "2008-01-01=-10000,2008-03-01")]
    [InlineData("error: --flows: No date may precede the first flow's date (2008-01-01); flow 1 is on 2007-03-01.", "xirr", "--flows", "2008-01-01=-10000,2007-03-01=2750")]
    [InlineData("error: IRR([1, 2, 3], guess 0.1) has no solution: the values need at least one positive and one negative amount.", "irr", "--values", "1,2,3")]
    [InlineData("error: FV: the result is beyond the decimal range (about ±7.9e28).", "fv", "--rate", "100%", "--nper", "200", "--pmt", "-1")]
    [InlineData("error: Required command was not provided; see 'mortgage tvm --help'.")]
    public void Bad_input_is_one_error_line(string expected, params string[] args) => AssertError(expected, args);

    [Fact]
    public void A_file_over_64_MB_is_refused()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        AssertError("error: --file '/dev/zero' is larger than 64 MB (67,108,864 bytes), the most the tool reads; is it the right file?", "irr", "--file", "/dev/zero");
    }

    [Fact]
    public void A_bad_line_in_a_file_names_the_line()
    {
        string flows = SpecFiles.Write("date,amount\n2008-01-01,-10000\n2008-03-01,lots\n", ".csv");
        AssertError($"error: --file '{flows}' line 3: 'lots' is not a number; write date,amount lines, e.g. 2008-03-01,2750.", "xirr", "--file", flows);
    }
}
