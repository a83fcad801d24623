using System.Globalization;
using NodaTime;

namespace MortgageMath.Affordability;

/// <summary>
/// The payment an affordability check judges: the highest monthly payment the schedule asks for. For a combined loan
/// the legs' payments due in the same calendar month are added. Not judged: prepayment and payoff rows (the
/// borrower's choice), a balloon (the lump sum at maturity, refinanced or repaid from a sale) and the final row of
/// each schedule, which settles the balance and only absorbs the rounding of the earlier payments (a one-payment
/// loan is judged on that payment). A floating loan is judged on its schedule given the loan's rate table.
/// </summary>
public sealed partial class HighestPayment
{
    private readonly Func<string> _describe;
    private string? _description;

    internal HighestPayment(decimal amount, LocalDate date, int? period, decimal firstPayment, bool isFirst, Func<string> describe)
    {
        Amount = amount;
        Date = date;
        Period = period;
        FirstPayment = firstPayment;
        IsFirstPayment = isFirst;
        _describe = describe;
    }

    /// <summary>The highest monthly payment (the earliest when several are equal).</summary>
    public decimal Amount { get; }

    /// <summary>The due date of that payment (for a combined loan, the first due date in that month).</summary>
    public LocalDate Date { get; }

    /// <summary>The period number of that payment for a single loan; null for a combined loan.</summary>
    public int? Period { get; }

    /// <summary>The first payment, for comparison.</summary>
    public decimal FirstPayment { get; }

    /// <summary>True when the highest payment is the first one; false, e.g., for an interest-first loan's first
    /// amortizing payment or a floating loan's payment after a rise.</summary>
    public bool IsFirstPayment { get; }

    /// <summary>Which payment it is and why, in one sentence.</summary>
    public string Description => _description ??= _describe();

    /// <summary>The <see cref="Description"/>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Description;

    internal static HighestPayment Of(Schedule schedule)
    {
        int best = -1;
        int first = -1;
        int last = LastJudged(schedule);
        for (int k = 0; k <= last; k++)
        {
            Installment row = schedule[k];
            if (row.Kind != InstallmentKind.Regular)
            {
                continue;
            }

            if (first < 0)
            {
                first = k;
            }

            if (best < 0 || row.PaymentMinor > schedule[best].PaymentMinor)
            {
                best = k;
            }
        }

        if (best < 0)
        {
            best = first = schedule.Count - 1;
        }

        Installment top = schedule[best];
        Installment start = schedule[first];
        bool isFirst = best == first;
        return new HighestPayment(top.Payment, top.DueDate, top.Period, start.Payment, isFirst, () =>
        {
            string text = string.Create(CultureInfo.InvariantCulture,
                $"the highest scheduled payment is {Money(top.Payment)} in period {top.Period} ({DateText.Iso(top.DueDate)}){Why(schedule.Loan, top, start, isFirst)}");
            if (schedule.Loan.Method.HasBalloon && schedule.Last.Kind == InstallmentKind.Balloon)
            {
                text += string.Create(CultureInfo.InvariantCulture, $"; the balloon of {Money(schedule.Last.Payment)} at maturity is not judged");
            }

            return text;
        });
    }

    internal static HighestPayment Of(CombinedSchedule schedule)
    {
        // Sum the legs' judged payments by calendar month: legs may fall due on different days.
        int places = schedule.Loan.Legs.Max(l => l.Loan.Rounding.DecimalPlaces);
        var months = new Dictionary<int, (long Sum, LocalDate Date)>();
        for (int leg = 0; leg < schedule.Legs.Count; leg++)
        {
            Schedule s = schedule.Legs[leg];
            long scale = FixedPoint.Pow10[places - s.Places];
            int last = LastJudged(s);
            bool any = false;
            for (int k = 0; k <= last; k++)
            {
                if (s[k].Kind == InstallmentKind.Regular)
                {
                    Add(months, s[k], scale);
                    any = true;
                }
            }

            if (!any)
            {
                Add(months, s[s.Count - 1], scale);
            }
        }

        int firstKey = int.MaxValue;
        int best = 0;
        long bestSum = long.MinValue;
        foreach (var (key, value) in months)
        {
            firstKey = Math.Min(firstKey, key);
            if (value.Sum > bestSum || (value.Sum == bestSum && key < best))
            {
                bestSum = value.Sum;
                best = key;
            }
        }

        var top = months[best];
        bool isFirst = best == firstKey;
        decimal amount = FixedPoint.ToDecimal(top.Sum, places);
        decimal firstAmount = FixedPoint.ToDecimal(months[firstKey].Sum, places);
        return new HighestPayment(amount, top.Date, null, firstAmount, isFirst, () =>
        {
            var parts = new List<string>();
            for (int leg = 0; leg < schedule.Legs.Count; leg++)
            {
                Schedule s = schedule.Legs[leg];
                int last = LastJudged(s);
                for (int k = 0; k < s.Count; k++)
                {
                    Installment row = s[k];
                    bool judged = k <= last ? row.Kind == InstallmentKind.Regular : s.Count == 1;
                    if (judged && Key(row.DueDate) == best)
                    {
                        parts.Add(string.Create(CultureInfo.InvariantCulture, $"{schedule.Loan.Legs[leg].Name} {Money(row.Payment)} on {DateText.Iso(row.DueDate)}"));
                    }
                }
            }

            string text = string.Create(CultureInfo.InvariantCulture,
                $"the highest scheduled monthly payment is {Money(amount)} in {top.Date.ToString("uuuu-MM", CultureInfo.InvariantCulture)} ({string.Join(" + ", parts)})");
            return text + (isFirst ? ", the first payment" : string.Create(CultureInfo.InvariantCulture, $"; not the first payment ({Money(firstAmount)})"));
        });
    }

    private static int Key(LocalDate date) => (date.Year * 12) + date.Month;

    private static void Add(Dictionary<int, (long Sum, LocalDate Date)> months, Installment row, long scale)
    {
        int key = Key(row.DueDate);
        months[key] = months.TryGetValue(key, out var entry)
            ? (entry.Sum + (row.PaymentMinor * scale), row.DueDate < entry.Date ? row.DueDate : entry.Date)
            : (row.PaymentMinor * scale, row.DueDate);
    }

    /// <summary>The index of the last row judged: the final row settles the balance and is skipped, unless it is the only one.</summary>
    private static int LastJudged(Schedule schedule) => schedule.Count > 1 ? schedule.Count - 2 : 0;

    private static string Why(Loan loan, Installment top, Installment start, bool isFirst)
    {
        if (isFirst)
        {
            return ", the first payment";
        }

        var reasons = new List<string>();
        if (loan.Method is RepaymentMethod.InterestFirstMethod io && top.Period > io.InterestOnlyPeriods && start.Period <= io.InterestOnlyPeriods)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"{(top.Period == io.InterestOnlyPeriods + 1 ? "the first amortizing payment" : "an amortizing payment")} after {io.InterestOnlyPeriods} interest-only periods"));
        }

        if (top.AnnualRate != start.AnnualRate)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"at {top.AnnualRate} against {start.AnnualRate} at first, given the rate table"));
        }

        if (reasons.Count == 0)
        {
            reasons.Add("a later payment");
        }

        return string.Create(CultureInfo.InvariantCulture, $": {string.Join("; ", reasons)}; not the first payment ({Money(start.Payment)})");
    }

    internal static string Money(decimal amount) => amount.ToString("#,0.00##", CultureInfo.InvariantCulture);
}
