using System.Globalization;
using BenchmarkDotNet.Attributes;
using MortgageMath.Verification;
using NodaTime;

namespace MortgageMath.Benchmarks;

/// <summary>
/// <c>mortgage verify</c>'s work for one loan (issue 14): reading another system's 360-row CSV (a Chinese bank export:
/// CRLF, quoted amounts with thousands separators and a currency sign) and comparing it with the TV-1 schedule, beside
/// the yardstick a user would otherwise write: <c>string.Split</c> per line and field, <c>decimal.Parse</c> per amount.
/// </summary>
[MemoryDiagnoser]
public class VerificationBenchmarks
{
    private readonly Schedule _ours = new Loan(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20)).BuildSchedule();
    private string _ourCsv = "";
    private string _bankCsv = "";
    private ForeignSchedule _theirs = null!;

    [GlobalSetup]
    public void Setup()
    {
        var csv = new StringWriter(CultureInfo.InvariantCulture);
        _ours.WriteCsv(csv);
        _ourCsv = csv.ToString();
        var bank = new System.Text.StringBuilder("期数,还款日期,月供(本息合计),本金,利息,剩余本金\r\n");
        foreach (Installment row in _ours)
        {
            bank.Append(CultureInfo.InvariantCulture,
                $"{row.Period},{row.DueDate:yyyy-MM-dd},\"¥{row.Payment:N2}\",\"¥{row.Principal:N2}\",\"¥{row.Interest:N2}\",\"¥{row.ClosingBalance:N2}\"\r\n");
        }

        _bankCsv = bank.ToString();
        _theirs = ScheduleReader.Parse(_bankCsv);
    }

    [Benchmark(Baseline = true, Description = "yardstick: Split + decimal.Parse, our CSV (360 rows)")]
    public decimal SplitAndParse()
    {
        decimal sum = 0m;
        string[] lines = _ourCsv.Split('\n');
        for (int k = 1; k < lines.Length; k++)
        {
            if (lines[k].Length == 0)
            {
                continue;
            }

            string[] fields = lines[k].Split(',');
            for (int f = 3; f < fields.Length; f++)
            {
                sum += decimal.Parse(fields[f], CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }

    [Benchmark(Description = "ScheduleReader.Parse, our CSV (360 rows)")]
    public ForeignSchedule ReadOurCsv() => ScheduleReader.Parse(_ourCsv);

    [Benchmark(Description = "ScheduleReader.Parse, Chinese bank CSV (360 rows)")]
    public ForeignSchedule ReadBankCsv() => ScheduleReader.Parse(_bankCsv);

    [Benchmark(Description = "ScheduleComparison.Compare, 360 rows, match")]
    public VerificationResult Compare() => ScheduleComparison.Compare(_ours, _theirs);

    [Benchmark(Description = "one loan: build ours + read theirs + compare")]
    public VerificationResult Whole() =>
        ScheduleComparison.Compare(new Loan(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20)).BuildSchedule(), ScheduleReader.Parse(_bankCsv));
}
