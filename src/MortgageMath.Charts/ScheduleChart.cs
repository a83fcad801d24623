using System.Globalization;
using NodaTime;

namespace MortgageMath.Charts;

/// <summary>
/// Charts of one or more schedules on shared axes (dates on x, amounts in <see cref="ChartOptions.Currency"/> on y):
/// start from <c>schedule.Chart()</c>, a combined loan's <c>Chart()</c> (one series per leg), a prepayment
/// comparison's <c>Chart()</c>, <see cref="Methods"/> (等额本息 against 等额本金) or <see cref="Of"/>, add more with
/// <see cref="And"/>, then pick a chart (<see cref="Balance"/>, <see cref="PrincipalAndInterest"/>,
/// <see cref="CumulativeInterest"/>, <see cref="Payment"/>, <see cref="Rate"/>) and save it. Immutable.
/// </summary>
public sealed class ScheduleChart
{
    private readonly IReadOnlyList<(string Name, Schedule Schedule)> schedules;

    private ScheduleChart(IReadOnlyList<(string Name, Schedule Schedule)> schedules, ChartOptions options)
    {
        this.schedules = schedules;
        Options = options;
    }

    /// <summary>The options the charts are drawn with.</summary>
    public ChartOptions Options { get; }

    /// <summary>The names of the schedules (the legend entries of a comparison), in order.</summary>
    public IReadOnlyList<string> Names => schedules.Select(s => s.Name).ToArray();

    private CultureInfo Culture => Options.Culture;

    /// <summary>A chart of one named schedule.</summary>
    /// <param name="name">The legend entry (not empty).</param>
    /// <param name="schedule">The schedule.</param>
    /// <param name="options">Size, culture, currency (<see cref="ChartOptions.Default"/> when null).</param>
    public static ScheduleChart Of(string name, Schedule schedule, ChartOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(schedule);
        return new ScheduleChart([(name, schedule)], options ?? ChartOptions.Default);
    }

    /// <summary>The loan repaid by equal installments (等额本息) and by equal principal (等额本金), all else equal.</summary>
    /// <param name="loan">The loan (its own method is replaced by each of the two).</param>
    /// <param name="options">Size, culture, currency.</param>
    public static ScheduleChart Methods(Loan loan, ChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ChartOptions o = options ?? ChartOptions.Default;
        return new ScheduleChart(
            [
                (Texts.Get("Method.EqualInstallment", o.Culture), (loan with { Method = RepaymentMethod.EqualInstallment }).BuildSchedule()),
                (Texts.Get("Method.EqualPrincipal", o.Culture), (loan with { Method = RepaymentMethod.EqualPrincipal }).BuildSchedule()),
            ],
            o);
    }

    internal static ScheduleChart OfMany(IReadOnlyList<(string Name, Schedule Schedule)> schedules, ChartOptions? options) =>
        new(schedules, options ?? ChartOptions.Default);

    /// <summary>This chart with one more schedule (a comparison on the same axes).</summary>
    /// <param name="name">Its legend entry (not empty).</param>
    /// <param name="schedule">The schedule.</param>
    public ScheduleChart And(string name, Schedule schedule)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(schedule);
        return new ScheduleChart([.. schedules, (name, schedule)], Options);
    }

    /// <summary>These schedules drawn with other options.</summary>
    /// <param name="options">Size, culture, currency.</param>
    public ScheduleChart WithOptions(ChartOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ScheduleChart(schedules, options);
    }

    /// <summary>The outstanding balance: one line per schedule, from the principal on the disbursement date to the
    /// closing balance of each row (prepayments included, on their own dates), so the curve ends at 0.</summary>
    public Chart Balance() => Make(ChartKind.Balance, "Chart.Balance.Title", schedules.Select(s =>
    {
        var (xs, ys) = Start(s.Schedule, s.Schedule.Loan.Principal);
        foreach (Installment row in s.Schedule)
        {
            xs.Add(X(row.DueDate));
            ys.Add((double)row.ClosingBalance);
        }

        return new ChartSeries(SeriesName(s.Name, "Series.Balance"), [.. xs], [.. ys]);
    }));

    /// <summary>The principal and interest of each payment against its due date: for one schedule two stacked bands
    /// (interest from 0, principal on top, so the top edge is the payment); for several, a principal line and an
    /// interest line per schedule. Prepayment rows are left out (they are not payments of the schedule's rhythm).</summary>
    public Chart PrincipalAndInterest()
    {
        string principal = Texts.Get("Series.Principal", Culture), interest = Texts.Get("Series.Interest", Culture);
        var series = new List<ChartSeries>();
        foreach ((string name, Schedule schedule) in schedules)
        {
            Installment[] rows = Scheduled(schedule);
            double[] xs = rows.Select(r => X(r.DueDate)).ToArray();
            double[] interests = rows.Select(r => (double)r.Interest).ToArray();
            double[] principals = rows.Select(r => (double)r.Principal).ToArray();
            if (schedules.Count == 1)
            {
                series.Add(new ChartSeries(interest, xs, interests, Base: new double[xs.Length]));
                series.Add(new ChartSeries(principal, xs, rows.Select(r => (double)(r.Interest + r.Principal)).ToArray(), Base: interests));
            }
            else
            {
                series.Add(new ChartSeries($"{name}: {principal}", xs, principals));
                series.Add(new ChartSeries($"{name}: {interest}", xs, interests));
            }
        }

        return Make(ChartKind.PrincipalAndInterest, "Chart.PrincipalAndInterest.Title", series);
    }

    /// <summary>The interest paid so far: one line per schedule, from 0 on the disbursement date to the schedule's
    /// total interest after its last row.</summary>
    public Chart CumulativeInterest() => Make(ChartKind.CumulativeInterest, "Chart.CumulativeInterest.Title", schedules.Select(s =>
    {
        var (xs, ys) = Start(s.Schedule, 0m);
        decimal total = 0m;
        foreach (Installment row in s.Schedule)
        {
            total += row.Interest;
            xs.Add(X(row.DueDate));
            ys.Add((double)total);
        }

        return new ChartSeries(SeriesName(s.Name, "Series.CumulativeInterest"), [.. xs], [.. ys]);
    }));

    /// <summary>The payment of each period (prepayment rows left out): one line per schedule.</summary>
    public Chart Payment() => Make(ChartKind.Payment, "Chart.Payment.Title", schedules.Select(s =>
    {
        Installment[] rows = Scheduled(s.Schedule);
        return new ChartSeries(SeriesName(s.Name, "Series.Payment"), rows.Select(r => X(r.DueDate)).ToArray(), rows.Select(r => (double)r.Payment).ToArray());
    }));

    /// <summary>The annual rate as a step line per schedule, from the disbursement to the last due date, with a
    /// dashed marker on every rate change after the disbursement (repricing, a conversion to the LPR, a plan step).</summary>
    public Chart Rate()
    {
        var series = new List<ChartSeries>();
        var markers = new List<ChartMarker>();
        string label = Texts.Get("Series.Repricing", Culture);
        foreach ((string name, Schedule schedule) in schedules)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            foreach (RateChange change in schedule.RateChanges)
            {
                xs.Add(X(change.EffectiveDate));
                ys.Add((double)change.AnnualRate.ToPercent());
                if ((change.Causes & RateChangeCauses.Disbursement) == 0)
                {
                    markers.Add(new ChartMarker(X(change.EffectiveDate), label));
                }
            }

            if (xs.Count == 0 && schedule.Count > 0)
            {
                xs.Add(X(schedule.Loan.Disbursement));
                ys.Add((double)schedule.First.AnnualRate.ToPercent());
            }

            if (schedule.Count > 0 && xs.Count > 0)
            {
                xs.Add(X(schedule.Last.DueDate)); // the last rate holds to the end
                ys.Add(ys[^1]);
            }

            series.Add(new ChartSeries(SeriesName(name, "Series.Rate"), [.. xs], [.. ys], Step: true));
        }

        return new Chart(
            new ChartModel(ChartKind.Rate, Texts.Get("Chart.Rate.Title", Culture), Texts.Get("Axis.Date", Culture),
                Texts.Get("Axis.Rate", Culture), AxisKind.Date, AxisKind.Percent, series, markers.Distinct().ToArray()),
            Options);
    }

    /// <summary>An OLE automation date: the x coordinate ScottPlot's date axis reads.</summary>
    internal static double X(LocalDate date) => new DateTime(date.Year, date.Month, date.Day, 0, 0, 0, DateTimeKind.Unspecified).ToOADate();

    private static (List<double> Xs, List<double> Ys) Start(Schedule schedule, decimal value) =>
        ([X(schedule.Loan.Disbursement)], [(double)value]);

    private static Installment[] Scheduled(Schedule schedule)
    {
        var rows = new List<Installment>(schedule.Count);
        foreach (Installment row in schedule)
        {
            if (row.Kind != InstallmentKind.Prepayment)
            {
                rows.Add(row);
            }
        }

        return [.. rows];
    }

    /// <summary>A single schedule's series is named by what it shows ("Balance"); a comparison's by the schedule.</summary>
    private string SeriesName(string name, string key) => schedules.Count == 1 ? Texts.Get(key, Culture) : name;

    private Chart Make(ChartKind kind, string titleKey, IEnumerable<ChartSeries> series) => new(
        new ChartModel(kind, Texts.Get(titleKey, Culture), Texts.Get("Axis.Date", Culture),
            Texts.Format("Axis.Amount", Culture, Options.Currency), AxisKind.Date, AxisKind.Amount, series.ToArray(), []),
        Options);
}
