using System.Globalization;
using MortgageMath.Resources;
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
    // The description last made and its language (one reference, so that threads never see half of it).
    private Described? _description;

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

    /// <summary>Which payment it is and why, in one sentence, in the language of <see cref="CultureInfo.CurrentUICulture"/>
    /// (English unless a translation exists: docs/localization.md).</summary>
    public string Description
    {
        get
        {
            // Made on first use and kept per language: a report is often printed in one language only.
            string language = CultureInfo.CurrentUICulture.Name;
            Described? made = _description;
            if (made is null || made.Language != language)
            {
                made = new Described(language, _describe());
                _description = made;
            }

            return made.Text;
        }
    }

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
            string text = Localized.Format(LibraryText.Highest_Payment, Money(top.Payment), top.Period, DateText.Iso(top.DueDate), Why(schedule.Loan, top, start, isFirst));
            if (schedule.Loan.Method.HasBalloon && schedule.Last.Kind == InstallmentKind.Balloon)
            {
                text += Localized.Format(LibraryText.Highest_Balloon, Money(schedule.Last.Payment));
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
                        parts.Add(Localized.Format(LibraryText.Highest_CombinedLeg, schedule.Loan.Legs[leg].Name, Money(row.Payment), DateText.Iso(row.DueDate)));
                    }
                }
            }

            string text = Localized.Format(LibraryText.Highest_Combined, Money(amount), top.Date.ToString("uuuu-MM", CultureInfo.InvariantCulture), string.Join(" + ", parts));
            return text + (isFirst ? LibraryText.Highest_First : Localized.Format(LibraryText.Highest_NotFirst, Money(firstAmount)));
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
            return LibraryText.Highest_First;
        }

        var reasons = new List<string>();
        if (loan.Method is RepaymentMethod.InterestFirstMethod io && top.Period > io.InterestOnlyPeriods && start.Period <= io.InterestOnlyPeriods)
        {
            reasons.Add(Localized.Format(top.Period == io.InterestOnlyPeriods + 1 ? LibraryText.Highest_FirstAmortizing : LibraryText.Highest_AmortizingAfter,
                io.InterestOnlyPeriods));
        }

        if (top.AnnualRate != start.AnnualRate)
        {
            reasons.Add(Localized.Format(LibraryText.Highest_RateRise, top.AnnualRate, start.AnnualRate));
        }

        if (reasons.Count == 0)
        {
            reasons.Add(LibraryText.Highest_LaterPayment);
        }

        return Localized.Format(LibraryText.Highest_NotFirstBecause, string.Join(LibraryText.List_Separator, reasons), Money(start.Payment));
    }

    private sealed record Described(string Language, string Text);

    internal static string Money(decimal amount) => amount.ToString("#,0.00##", CultureInfo.InvariantCulture);
}
