using NodaTime;

namespace MortgageMath;

/// <summary>
/// One row of a repayment schedule: what is due on one due date and how it splits into principal and interest.
/// Always <c>Payment = Principal + Interest</c> and <c>ClosingBalance = OpeningBalance − Principal</c>.
/// </summary>
public readonly struct Installment : IEquatable<Installment>
{
    private readonly long _opening;
    private readonly long _principal;
    private readonly long _interest;
    private readonly byte _places;
    private readonly RateSegment[]? _segments;

    internal Installment(int period, LocalDate dueDate, Rate annualRate, long opening, long principal, long interest, int places,
        RateSegment[]? segments = null)
    {
        _segments = segments;
        Period = period;
        DueDate = dueDate;
        AnnualRate = annualRate;
        _opening = opening;
        _principal = principal;
        _interest = interest;
        _places = (byte)places;
    }

    /// <summary>The period number, from 1.</summary>
    public int Period { get; }

    /// <summary>The date the payment is due.</summary>
    public LocalDate DueDate { get; }

    /// <summary>The annual rate in force at the end of the period (the one the payment was set with). When the rate
    /// changed within the period, <see cref="RateSegments"/> shows each rate and its days.</summary>
    public Rate AnnualRate { get; }

    /// <summary>True when the rate changed within this period (a repricing between two due dates).</summary>
    public bool RateChanged => _segments is not null;

    /// <summary>The rates that applied within the period, with their days, when the rate changed within it; empty otherwise.</summary>
    public IReadOnlyList<RateSegment> RateSegments => _segments ?? [];

    /// <summary>The balance owed at the start of the period.</summary>
    public decimal OpeningBalance => FixedPoint.ToDecimal(_opening, _places);

    /// <summary>The amount due: <see cref="Principal"/> + <see cref="Interest"/>.</summary>
    public decimal Payment => FixedPoint.ToDecimal(_principal + _interest, _places);

    /// <summary>The part of the payment that repays principal.</summary>
    public decimal Principal => FixedPoint.ToDecimal(_principal, _places);

    /// <summary>The interest charged for the period, rounded once.</summary>
    public decimal Interest => FixedPoint.ToDecimal(_interest, _places);

    /// <summary>The balance owed after the payment: <see cref="OpeningBalance"/> − <see cref="Principal"/>.</summary>
    public decimal ClosingBalance => FixedPoint.ToDecimal(_opening - _principal, _places);

    internal long PaymentMinor => _principal + _interest;

    internal long PrincipalMinor => _principal;

    internal long InterestMinor => _interest;

    internal long OpeningMinor => _opening;

    /// <inheritdoc />
    public bool Equals(Installment other) =>
        Period == other.Period && DueDate == other.DueDate && AnnualRate == other.AnnualRate &&
        OpeningBalance == other.OpeningBalance && Principal == other.Principal && Interest == other.Interest;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Installment other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Period, DueDate, _opening, _principal, _interest);

    /// <summary>True when both rows hold the same figures.</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(Installment left, Installment right) => left.Equals(right);

    /// <summary>True when the rows differ.</summary>
    /// <param name="left">The first row.</param>
    /// <param name="right">The second row.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Installment left, Installment right) => !left.Equals(right);

    /// <summary>The row as one line of text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => FormattableString.Invariant(
        $"#{Period} {DueDate:yyyy-MM-dd} {AnnualRate} opening {OpeningBalance} payment {Payment} = principal {Principal} + interest {Interest}, closing {ClosingBalance}");
}
