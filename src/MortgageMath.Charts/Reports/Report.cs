using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MortgageMath.Charts;
using MortgageMath.Specs;
using NodaTime;

namespace MortgageMath.Reports;

/// <summary>
/// A customer report page: one self-contained HTML document (CSS and charts inline as SVG, no script or font from the
/// network) with the loan's terms, the key figures, charts of the balance, of principal and interest and of the
/// interest paid, the comparison of 等额本息 and 等额本金, the repricing history of a floating loan, and the whole
/// schedule collapsible by year. It prints (print CSS: A4, every year opened) so that it can be handed over or saved
/// as PDF from the browser. Every figure comes from the library's schedule and quote, formatted, never recomputed.
/// </summary>
public static partial class Report
{
    /// <summary>The report of a loan.</summary>
    /// <param name="loan">The loan.</param>
    /// <param name="options">Culture, currency, title (<see cref="ReportOptions.Default"/> when null).</param>
    /// <returns>The HTML document (UTF-8 text, starting with <c>&lt;!DOCTYPE html&gt;</c>).</returns>
    public static string Html(Loan loan, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(loan);
        return Write(new LoanSubject(null, loan), options ?? ReportOptions.Default);
    }

    /// <summary>The report of a combined loan (组合贷款): its parts' terms, the total figures, one chart line per part.</summary>
    /// <param name="loan">The combined loan.</param>
    /// <param name="options">Culture, currency, title.</param>
    /// <returns>The HTML document.</returns>
    public static string Html(CombinedLoan loan, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(loan);
        return Write(new LoanSubject(null, null, loan), options ?? ReportOptions.Default);
    }

    /// <summary>The report of a loan document (a loan spec read by <see cref="LoanSpec"/>), with its description.</summary>
    /// <param name="document">The document: a loan or a combined loan.</param>
    /// <param name="options">Culture, currency, title.</param>
    /// <returns>The HTML document.</returns>
    public static string Html(LoanDocument document, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Write(new LoanSubject(document.Description, document.Loan, document.CombinedLoan), options ?? ReportOptions.Default);
    }

    private sealed record LoanSubject(string? Description, Loan? Loan, CombinedLoan? Combined = null);

    /// <summary>One row of the schedule table: a single loan's installment or a combined loan's total row.</summary>
    private sealed record Row(int Period, LocalDate Date, string Rate, decimal Payment, decimal Principal, decimal Interest, decimal Balance);

    private static string Write(LoanSubject subject, ReportOptions options)
    {
        CultureInfo c = options.Culture;
        var chartOptions = new ChartOptions { Culture = c, Currency = options.Currency, Width = 760, Height = 400 };
        string title = options.Title ?? Texts.Get("Report.Title", c);
        var html = new StringBuilder(256 * 1024);
        int figure = 0;
        string Svg(Chart chart) => InlineSvg(chart.ToSvg(), ++figure);

        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(Encode(c.Name.Length == 0 ? "en" : c.Name)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"MortgageMath\">\n<title>").Append(Encode(title)).Append("</title>\n<style>")
            .Append(Css).Append("</style>\n</head>\n<body>\n<main>\n<header>\n<h1>").Append(Encode(title)).Append("</h1>\n");
        if (subject.Description is { Length: > 0 } description)
        {
            html.Append("<p class=\"description\">").Append(Encode(description)).Append("</p>\n");
        }

        html.Append("</header>\n");
        if (subject.Loan is { } loan)
        {
            Schedule schedule = loan.BuildSchedule();
            Terms(html, loan, schedule, c);
            Figures(html, schedule.Quote.Payment, Payment(loan, schedule, c), schedule.Quote.MonthlyDecrease, schedule.Last.Payment,
                schedule.TotalInterest, schedule.TotalPayment, schedule.RegularPayments, options);
            ScheduleChart charts = schedule.Chart(chartOptions);
            Section(html, "charts", Texts.Get("Report.Charts", c));
            Figure(html, Svg(charts.Balance()));
            Figure(html, Svg(charts.PrincipalAndInterest()));
            Figure(html, Svg(charts.CumulativeInterest()));
            html.Append("</section>\n");
            Methods(html, m => (loan with { Method = m }).BuildSchedule() is var s ? (s.First.Payment, s.Last.Payment, s.TotalInterest, s.TotalPayment) : default, c);
            Figure(html, Svg(ScheduleChart.Methods(loan, chartOptions).Payment()));
            html.Append("</section>\n");
            Repricing(html, [(null, schedule)], () => Svg(charts.Rate()), c);
            Rows(html, schedule.Select(r => new Row(r.Period, r.DueDate, RateText(r.AnnualRate), r.Payment, r.Principal, r.Interest, r.ClosingBalance)), c);
        }
        else
        {
            CombinedLoan combined = subject.Combined ?? throw new ArgumentException("The document has no loan.", nameof(subject));
            CombinedSchedule schedule = combined.BuildSchedule();
            CombinedTerms(html, combined, schedule, c);
            Figures(html, schedule.Quote.Payment, Texts.Get("Figure.FirstPayment", c), null, schedule.Last.Payment,
                schedule.TotalInterest, schedule.TotalPayment, schedule.Count, options);
            ScheduleChart charts = schedule.Chart(chartOptions);
            Section(html, "charts", Texts.Get("Report.Charts", c));
            Figure(html, Svg(charts.Balance()));
            Figure(html, Svg(charts.Payment()));
            Figure(html, Svg(charts.CumulativeInterest()));
            html.Append("</section>\n");
            Methods(html, m =>
            {
                CombinedLoan changed = combined;
                foreach (LoanLeg leg in combined.Legs)
                {
                    changed = changed.WithLeg(leg.Name, l => l with { Method = m });
                }

                CombinedSchedule s = changed.BuildSchedule();
                return (s.First.Payment, s.Last.Payment, s.TotalInterest, s.TotalPayment);
            }, c);
            html.Append("</section>\n");
            Repricing(html, combined.Legs.Select((leg, i) => ((string?)leg.Name, schedule.Legs[i])).ToArray(), () => Svg(charts.Rate()), c);
            Rows(html, schedule.Select((r, i) => new Row(i + 1, r.Date, "", r.Payment, r.Principal, r.Interest, r.ClosingBalance)), c);
        }

        html.Append("<footer>").Append(Encode(Texts.Get("Report.Generated", c))).Append("</footer>\n</main>\n")
            .Append("<script>addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true;});});</script>\n")
            .Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string Payment(Loan loan, Schedule schedule, CultureInfo c) =>
        loan.Method == RepaymentMethod.EqualInstallment && schedule.RateChanges.Count <= 1
            ? Texts.Get("Figure.Payment", c)
            : Texts.Get("Figure.FirstPayment", c);

    private static void Terms(StringBuilder html, Loan loan, Schedule schedule, CultureInfo c)
    {
        Section(html, "terms", Texts.Get("Report.Terms", c));
        html.Append("<table class=\"terms\">\n");
        Term(html, Texts.Get("Term.Principal", c), Amount(loan.Principal, c));
        Term(html, Texts.Get("Term.Rate", c), PlanText(loan, schedule, c));
        Term(html, Texts.Get("Term.Term", c), Texts.Format("Term.TermValue", c, loan.Periods, (loan.Periods / 12m).ToString("0.##", c)));
        Term(html, Texts.Get("Term.Method", c), MethodName(loan.Method, c));
        Term(html, Texts.Get("Term.Disbursement", c), Date(loan.Disbursement));
        Term(html, Texts.Get("Term.FirstDue", c), Date(schedule.First.DueDate));
        Term(html, Texts.Get("Term.LastDue", c), Date(schedule.Last.DueDate));
        html.Append("</table>\n</section>\n");
    }

    private static void CombinedTerms(StringBuilder html, CombinedLoan loan, CombinedSchedule schedule, CultureInfo c)
    {
        Section(html, "terms", Texts.Get("Report.Terms", c));
        html.Append("<table class=\"grid\">\n<thead><tr>");
        foreach (string key in (string[])["Column.Leg", "Term.Principal", "Term.Rate", "Term.Term", "Term.Method", "Figure.FirstPayment"])
        {
            html.Append("<th>").Append(Encode(Texts.Get(key, c))).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        for (int i = 0; i < loan.Legs.Count; i++)
        {
            Loan leg = loan.Legs[i].Loan;
            html.Append("<tr><td>").Append(Encode(loan.Legs[i].Name)).Append("</td><td class=\"n\">").Append(Amount(leg.Principal, c))
                .Append("</td><td>").Append(Encode(PlanText(leg, schedule.Legs[i], c))).Append("</td><td>")
                .Append(Encode(Texts.Format("Term.TermValue", c, leg.Periods, (leg.Periods / 12m).ToString("0.##", c))))
                .Append("</td><td>").Append(Encode(MethodName(leg.Method, c))).Append("</td><td class=\"n\">")
                .Append(Amount(schedule.Legs[i].First.Payment, c)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n<table class=\"terms\">\n");
        Term(html, Texts.Get("Term.Principal", c), Amount(loan.Principal, c));
        Term(html, Texts.Get("Term.FirstDue", c), Date(schedule.First.Date));
        Term(html, Texts.Get("Term.LastDue", c), Date(schedule.Last.Date));
        html.Append("</table>\n</section>\n");
    }

    private static void Figures(StringBuilder html, decimal payment, string paymentLabel, decimal? decrease, decimal last,
        decimal totalInterest, decimal totalPayment, int payments, ReportOptions options)
    {
        CultureInfo c = options.Culture;
        Section(html, "figures", Texts.Get("Report.Figures", c));
        html.Append("<div class=\"figures\">\n");
        Card(html, "payment", paymentLabel, Amount(payment, c), options.Currency);
        if (decrease is { } d)
        {
            Card(html, "decrease", Texts.Get("Figure.MonthlyDecrease", c), Amount(d, c), options.Currency);
        }

        Card(html, "last-payment", Texts.Get("Figure.LastPayment", c), Amount(last, c), options.Currency);
        Card(html, "total-interest", Texts.Get("Figure.TotalInterest", c), Amount(totalInterest, c), options.Currency);
        Card(html, "total-payment", Texts.Get("Figure.TotalPayment", c), Amount(totalPayment, c), options.Currency);
        Card(html, "payments", Texts.Get("Figure.Payments", c), payments.ToString(c), "");
        html.Append("</div>\n</section>\n");
    }

    private static void Methods(StringBuilder html, Func<RepaymentMethod, (decimal First, decimal Last, decimal Interest, decimal Total)> figures, CultureInfo c)
    {
        Section(html, "methods", Texts.Get("Report.Methods", c));
        var installment = figures(RepaymentMethod.EqualInstallment);
        var principal = figures(RepaymentMethod.EqualPrincipal);
        html.Append("<table class=\"grid\">\n<thead><tr>");
        foreach (string key in (string[])["Column.Method", "Column.FirstPayment", "Column.LastPayment", "Column.TotalInterest", "Column.TotalPayment", "Column.Difference"])
        {
            html.Append("<th>").Append(Encode(Texts.Get(key, c))).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach ((string key, var f) in (ValueTuple<string, (decimal First, decimal Last, decimal Interest, decimal Total)>[])
                 [("Method.EqualInstallment", installment), ("Method.EqualPrincipal", principal)])
        {
            decimal difference = f.Interest - installment.Interest;
            html.Append("<tr><td>").Append(Encode(Texts.Get(key, c))).Append("</td><td class=\"n\">").Append(Amount(f.First, c))
                .Append("</td><td class=\"n\">").Append(Amount(f.Last, c)).Append("</td><td class=\"n\">").Append(Amount(f.Interest, c))
                .Append("</td><td class=\"n\">").Append(Amount(f.Total, c)).Append("</td><td class=\"n\">")
                .Append(difference == 0 ? "—" : (difference > 0 ? "+" : "") + Amount(difference, c)).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Repricing(StringBuilder html, IReadOnlyList<(string? Leg, Schedule Schedule)> schedules, Func<string> chart, CultureInfo c)
    {
        Section(html, "repricing", Texts.Get("Report.Repricing", c));
        // A loan has a rate history when its rate ever changed or floats (an index fixed at disbursement, even if no
        // change falls inside the rate table): only a rate fixed for the whole life has none.
        bool floating = schedules.Any(s => s.Schedule.RateChanges.Any(r => (r.Causes & RateChangeCauses.Disbursement) == 0 || r.Index is not null));
        if (!floating)
        {
            html.Append("<p>").Append(Encode(Texts.Get("Repricing.None", c))).Append("</p>\n</section>\n");
            return;
        }

        bool legs = schedules.Count > 1;
        html.Append("<table class=\"grid\">\n<thead><tr>");
        if (legs)
        {
            html.Append("<th>").Append(Encode(Texts.Get("Column.Leg", c))).Append("</th>");
        }

        foreach (string key in (string[])["Column.EffectiveDate", "Column.Rate", "Column.Reason"])
        {
            html.Append("<th>").Append(Encode(Texts.Get(key, c))).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach ((string? leg, Schedule schedule) in schedules)
        {
            foreach (RateChange change in schedule.RateChanges)
            {
                html.Append("<tr>");
                if (legs)
                {
                    html.Append("<td>").Append(Encode(leg ?? "")).Append("</td>");
                }

                html.Append("<td>").Append(Date(change.EffectiveDate)).Append("</td><td class=\"n\">").Append(Encode(RateText(change.AnnualRate)))
                    .Append("</td><td>").Append(Encode(Reason(change, c))).Append("</td></tr>\n");
            }
        }

        html.Append("</tbody>\n</table>\n");
        Figure(html, chart());
        html.Append("</section>\n");
    }

    private static void Rows(StringBuilder html, IEnumerable<Row> rows, CultureInfo c)
    {
        Section(html, "schedule", Texts.Get("Report.Schedule", c));
        string[] headers = ["Column.Period", "Column.DueDate", "Column.Rate", "Column.Payment", "Column.Principal", "Column.Interest", "Column.Balance"];
        foreach (IGrouping<int, Row> year in rows.GroupBy(r => r.Date.Year))
        {
            Row[] list = [.. year];
            html.Append("<details>\n<summary>").Append(Encode(Texts.Format("Schedule.Year", c, year.Key, list.Length,
                    Amount(list.Sum(r => r.Payment), c), Amount(list.Sum(r => r.Principal), c), Amount(list.Sum(r => r.Interest), c),
                    Amount(list[^1].Balance, c))))
                .Append("</summary>\n<table class=\"grid rows\">\n<thead><tr>");
            foreach (string key in headers)
            {
                html.Append("<th>").Append(Encode(Texts.Get(key, c))).Append("</th>");
            }

            html.Append("</tr></thead>\n<tbody>\n");
            foreach (Row row in list)
            {
                html.Append("<tr><td class=\"n\">").Append(row.Period.ToString(c)).Append("</td><td>").Append(Date(row.Date))
                    .Append("</td><td class=\"n\">").Append(Encode(row.Rate)).Append("</td><td class=\"n\">").Append(Amount(row.Payment, c))
                    .Append("</td><td class=\"n\">").Append(Amount(row.Principal, c)).Append("</td><td class=\"n\">").Append(Amount(row.Interest, c))
                    .Append("</td><td class=\"n\">").Append(Amount(row.Balance, c)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n</details>\n");
        }

        html.Append("</section>\n");
    }

    private static void Section(StringBuilder html, string id, string heading) =>
        html.Append("<section id=\"").Append(id).Append("\">\n<h2>").Append(Encode(heading)).Append("</h2>\n");

    private static void Term(StringBuilder html, string label, string value) =>
        html.Append("<tr><th>").Append(Encode(label)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>\n");

    private static void Card(StringBuilder html, string id, string label, string value, string unit) =>
        html.Append("<div class=\"figure\"><div class=\"label\">").Append(Encode(label)).Append("</div><div class=\"value\" id=\"")
            .Append(id).Append("\">").Append(Encode(value)).Append("</div><div class=\"unit\">").Append(Encode(unit)).Append("</div></div>\n");

    private static void Figure(StringBuilder html, string svg) => html.Append("<figure>").Append(svg).Append("</figure>\n");

    private static string MethodName(RepaymentMethod method, CultureInfo c) =>
        method == RepaymentMethod.EqualInstallment ? Texts.Get("Method.EqualInstallment", c)
        : method == RepaymentMethod.EqualPrincipal ? Texts.Get("Method.EqualPrincipal", c)
        : method.ToString();

    /// <summary>The rate plan: a fixed rate in the report's language (<c>fixed 4.9%</c>, <c>固定利率 4.9%</c>); any
    /// other plan (floating, stepped) in the library's own description (<see cref="RatePlan"/>'s text), read in the report's
    /// language.</summary>
    private static string PlanText(Loan loan, Schedule schedule, CultureInfo c) =>
        schedule.RateChanges is [{ Index: null } only] && loan.RatePlan.Equals(RatePlan.Fixed(only.AnnualRate))
            ? Texts.Format("Plan.Fixed", c, RateText(only.AnnualRate))
            : InCulture(c, () => loan.RatePlan.ToString() ?? "");

    /// <summary>A library text, which follows the UI culture, in the report's culture: the thread's UI culture is set
    /// for the call only and restored.</summary>
    private static string InCulture(CultureInfo culture, Func<string> text)
    {
        CultureInfo saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return text();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    /// <summary>Why the rate changed, in the report's language: the causes (<c>repricing</c>, 重新定价), then the fixed
    /// rate or the index, its value and the spread (the form of <see cref="RateChange.Reason"/>).</summary>
    private static string Reason(RateChange change, CultureInfo c)
    {
        var causes = new List<string>();
        foreach ((RateChangeCauses cause, string key) in (ValueTuple<RateChangeCauses, string>[])
                 [(RateChangeCauses.Disbursement, "Cause.Disbursement"), (RateChangeCauses.PlanStep, "Cause.PlanStep"),
                  (RateChangeCauses.SwitchToFloating, "Cause.SwitchToFloating"), (RateChangeCauses.ConversionToLpr, "Cause.ConversionToLpr"),
                  (RateChangeCauses.NewFixedRate, "Cause.NewFixedRate"), (RateChangeCauses.SpreadChange, "Cause.SpreadChange"),
                  (RateChangeCauses.Repricing, "Cause.Repricing")])
        {
            if ((change.Causes & cause) != 0)
            {
                causes.Add(Texts.Get(key, c));
            }
        }

        string what = string.Join(Texts.Get("Cause.Separator", c), causes);
        if (change.Index is null)
        {
            return Texts.Format("Reason.Fixed", c, what, RateText(change.AnnualRate));
        }

        string terms = change.Multiplier is { } m ? m.ToString() : change.Spread.ToString() ?? "";
        return Texts.Format("Reason.Floating", c, what, change.Index.ToString(), change.IndexValue?.ToString(), terms)
            + (change.Floor is { } f ? Texts.Format("Reason.Floor", c, RateText(f)) : "");
    }

    private static string Amount(decimal amount, CultureInfo c) => amount.ToString("N2", c);

    private static string RateText(Rate rate) => rate.ToString();

    private static string Date(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>An SVG for inlining: no XML declaration, scalable (a viewBox), and its ids (clip paths) prefixed with
    /// the figure's number so that several charts in one page do not share them.</summary>
    internal static string InlineSvg(string svg, int figure)
    {
        string body = svg[(svg.IndexOf("<svg", StringComparison.Ordinal))..];
        string prefix = $"f{figure}-";
        body = SvgId().Replace(body, m => $"id=\"{prefix}{m.Groups[1].Value}\"");
        body = SvgUrl().Replace(body, m => $"url(#{prefix}{m.Groups[1].Value})");
        body = SvgHref().Replace(body, m => $"{m.Groups[1].Value}=\"#{prefix}{m.Groups[2].Value}\"");
        Match size = SvgSize().Match(body);
        if (size.Success)
        {
            body = body.Insert(size.Index + size.Length, $" viewBox=\"0 0 {size.Groups[1].Value} {size.Groups[2].Value}\" role=\"img\"");
        }

        return body;
    }

    [GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial Regex SvgId();

    [GeneratedRegex(@"url\(#([^)]+)\)")]
    private static partial Regex SvgUrl();

    [GeneratedRegex("((?:xlink:)?href)=\"#([^\"]+)\"")]
    private static partial Regex SvgHref();

    [GeneratedRegex("^<svg[^>]*?width=\"(\\d+)\" height=\"(\\d+)\"")]
    private static partial Regex SvgSize();

    private const string Css = """

        :root { --ink: #1b1f24; --muted: #5b6470; --line: #d8dde3; --accent: #1f77b4; --band: #f4f6f8; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: #fff;
               font: 15px/1.5 "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "DejaVu Sans", system-ui, sans-serif; }
        main { max-width: 980px; margin: 0 auto; padding: 24px; }
        h1 { font-size: 28px; margin: 0 0 4px; }
        h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
        .description { color: var(--muted); margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0; }
        th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        table.terms th { width: 34%; color: var(--muted); font-weight: normal; }
        table.grid thead th { background: var(--band); font-weight: 600; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.rows { font-size: 13px; }
        .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 10px; }
        .figure { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; background: var(--band); }
        .figure .label { color: var(--muted); font-size: 13px; }
        .figure .value { font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .figure .unit { color: var(--muted); font-size: 12px; }
        figure { margin: 12px 0; }
        figure svg { width: 100%; height: auto; max-width: 760px; display: block; }
        details { border: 1px solid var(--line); border-radius: 6px; margin: 6px 0; padding: 0 10px; }
        summary { cursor: pointer; padding: 6px 0; font-variant-numeric: tabular-nums; }
        footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
        @page { size: A4; margin: 14mm; }
        @media print {
          body { font-size: 10.5pt; }
          main { max-width: none; padding: 0; }
          h2 { break-after: avoid; }
          figure, .figure, tr { break-inside: avoid; }
          details { border: none; padding: 0; }
          details::details-content { content-visibility: visible; display: block; }
          summary { list-style: none; font-weight: 600; }
          .figures { grid-template-columns: repeat(3, 1fr); }
          table.rows { font-size: 8.5pt; }
        }

        """;
}
