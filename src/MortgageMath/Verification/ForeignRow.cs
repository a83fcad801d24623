using NodaTime;

namespace MortgageMath.Verification;

/// <summary>
/// One row of another system's schedule, as read (<see cref="ScheduleReader"/>) or built by you: the values it has,
/// each exactly as written (a <c>decimal</c> keeps the file's decimals), and the line it came from. A value the row
/// does not have is null.
/// </summary>
/// <remarks>A value: two rows are equal when they have the same values (compared as numbers: <c>1.5</c> equals
/// <c>1.50</c>) and the same line.</remarks>
public readonly record struct ForeignRow
{
    private readonly decimal _rate, _opening, _payment, _principal, _interest, _closing;
    private readonly LocalDate _dueDate;
    private readonly int _period;
    private readonly byte _present; // bit per ScheduleColumn

    /// <summary>A row with the values given (null: the row does not have that value).</summary>
    /// <param name="period">The period number, from 1.</param>
    /// <param name="dueDate">The due date.</param>
    /// <param name="annualRatePercent">The annual rate in percent (<c>4.9</c>).</param>
    /// <param name="openingBalance">The balance before the payment.</param>
    /// <param name="payment">The payment.</param>
    /// <param name="principal">The principal repaid.</param>
    /// <param name="interest">The interest.</param>
    /// <param name="closingBalance">The balance after the payment.</param>
    /// <param name="line">The line of the file the row starts on (from 1), or its position; 0 when unknown.</param>
    public ForeignRow(
        int? period = null, LocalDate? dueDate = null, decimal? annualRatePercent = null, decimal? openingBalance = null,
        decimal? payment = null, decimal? principal = null, decimal? interest = null, decimal? closingBalance = null, int line = 0)
    {
        Line = line;
        _period = period ?? 0;
        _dueDate = dueDate ?? default;
        _rate = annualRatePercent ?? 0m;
        _opening = openingBalance ?? 0m;
        _payment = payment ?? 0m;
        _principal = principal ?? 0m;
        _interest = interest ?? 0m;
        _closing = closingBalance ?? 0m;
        _present = (byte)(Bit(period.HasValue, ScheduleColumn.Period) | Bit(dueDate.HasValue, ScheduleColumn.DueDate) |
                          Bit(annualRatePercent.HasValue, ScheduleColumn.AnnualRate) | Bit(openingBalance.HasValue, ScheduleColumn.OpeningBalance) |
                          Bit(payment.HasValue, ScheduleColumn.Payment) | Bit(principal.HasValue, ScheduleColumn.Principal) |
                          Bit(interest.HasValue, ScheduleColumn.Interest) | Bit(closingBalance.HasValue, ScheduleColumn.ClosingBalance));
    }

    /// <summary>The reader's constructor: values by column, <paramref name="present"/> a bit per column.</summary>
    internal ForeignRow(int line, int period, LocalDate dueDate, ReadOnlySpan<decimal> amounts, byte present)
    {
        Line = line;
        _period = period;
        _dueDate = dueDate;
        _rate = amounts[(int)ScheduleColumn.AnnualRate];
        _opening = amounts[(int)ScheduleColumn.OpeningBalance];
        _payment = amounts[(int)ScheduleColumn.Payment];
        _principal = amounts[(int)ScheduleColumn.Principal];
        _interest = amounts[(int)ScheduleColumn.Interest];
        _closing = amounts[(int)ScheduleColumn.ClosingBalance];
        _present = present;
    }

    /// <summary>The line of the file the row starts on (from 1; the header is line 1 of a CSV), or the row's position
    /// (from 1) in a JSON document; 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The period number, or null.</summary>
    public int? Period => Has(ScheduleColumn.Period) ? _period : null;

    /// <summary>The due date, or null.</summary>
    public LocalDate? DueDate => Has(ScheduleColumn.DueDate) ? _dueDate : null;

    /// <summary>The annual rate in percent, or null.</summary>
    public decimal? AnnualRatePercent => Amount(ScheduleColumn.AnnualRate);

    /// <summary>The opening balance, or null.</summary>
    public decimal? OpeningBalance => Amount(ScheduleColumn.OpeningBalance);

    /// <summary>The payment, or null.</summary>
    public decimal? Payment => Amount(ScheduleColumn.Payment);

    /// <summary>The principal, or null.</summary>
    public decimal? Principal => Amount(ScheduleColumn.Principal);

    /// <summary>The interest, or null.</summary>
    public decimal? Interest => Amount(ScheduleColumn.Interest);

    /// <summary>The closing balance, or null.</summary>
    public decimal? ClosingBalance => Amount(ScheduleColumn.ClosingBalance);

    /// <summary>True when the row has a value in <paramref name="column"/>.</summary>
    /// <param name="column">The column.</param>
    /// <returns>Whether the value is there.</returns>
    public bool Has(ScheduleColumn column) => (_present & (1 << (int)column)) != 0;

    /// <summary>The value of an amount column or of <see cref="ScheduleColumn.AnnualRate"/> (in percent), or null.</summary>
    /// <param name="column">The column (not <see cref="ScheduleColumn.Period"/> or <see cref="ScheduleColumn.DueDate"/>, which are null here).</param>
    /// <returns>The value.</returns>
    public decimal? Amount(ScheduleColumn column) => !Has(column) ? null : column switch
    {
        ScheduleColumn.AnnualRate => _rate,
        ScheduleColumn.OpeningBalance => _opening,
        ScheduleColumn.Payment => _payment,
        ScheduleColumn.Principal => _principal,
        ScheduleColumn.Interest => _interest,
        ScheduleColumn.ClosingBalance => _closing,
        _ => null,
    };

    /// <summary>The columns present, as bits.</summary>
    internal byte Present => _present;

    private static int Bit(bool on, ScheduleColumn column) => on ? 1 << (int)column : 0;
}
