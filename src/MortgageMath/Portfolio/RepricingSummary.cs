using System.Globalization;
using System.Text;

namespace MortgageMath.Portfolio;

/// <summary>
/// The aggregates of a repricing run: counts of loans read, priced and not priced, the sums of the priced loans'
/// figures before and after, and how many loans' payment changed by how much (<see cref="PaymentChangeBuckets"/>).
/// Sums are exact decimals. Immutable; equal when every count and sum is.
/// </summary>
public sealed class RepricingSummary : IEquatable<RepricingSummary>
{
    /// <summary>The bounds of the payment-change buckets, in major units: a loan falls in the first bucket whose upper
    /// bound is at least its change (after − before), or in the last (above 1,000); a change of exactly 0 has its own bucket.</summary>
    public static IReadOnlyList<decimal> BucketBounds { get; } = Array.AsReadOnly(new[] { -1000m, -500m, -200m, -100m, -50m, -10m, 0m, 10m, 50m, 100m, 200m, 500m, 1000m });

    private readonly long[] _buckets;

    internal RepricingSummary(long read, long priced, long failed, decimal[] sums, long[] buckets)
    {
        Read = read;
        Priced = priced;
        Failed = failed;
        PaymentNow = sums[0];
        PaymentBefore = sums[1];
        PaymentAfter = sums[2];
        InterestBefore = sums[3];
        InterestAfter = sums[4];
        WindowInterestBefore = sums[5];
        WindowInterestAfter = sums[6];
        Balance = sums[7];
        _buckets = buckets;
        PaymentChangeBuckets = Array.AsReadOnly(buckets);
    }

    /// <summary>Loans read from the book.</summary>
    public long Read { get; }

    /// <summary>Loans priced.</summary>
    public long Priced { get; }

    /// <summary>Loans not priced (skipped); <see cref="Read"/> = <see cref="Priced"/> + <see cref="Failed"/>.</summary>
    public long Failed { get; }

    /// <summary>The sum of <see cref="LoanRepricing.PaymentNow"/>.</summary>
    public decimal PaymentNow { get; }

    /// <summary>The sum of <see cref="LoanRepricing.PaymentBefore"/>.</summary>
    public decimal PaymentBefore { get; }

    /// <summary>The sum of <see cref="LoanRepricing.PaymentAfter"/>.</summary>
    public decimal PaymentAfter { get; }

    /// <summary>The sum of <see cref="LoanRepricing.InterestBefore"/>.</summary>
    public decimal InterestBefore { get; }

    /// <summary>The sum of <see cref="LoanRepricing.InterestAfter"/>.</summary>
    public decimal InterestAfter { get; }

    /// <summary>The sum of <see cref="LoanRepricing.WindowInterestBefore"/>.</summary>
    public decimal WindowInterestBefore { get; }

    /// <summary>The sum of <see cref="LoanRepricing.WindowInterestAfter"/>.</summary>
    public decimal WindowInterestAfter { get; }

    /// <summary>The sum of <see cref="LoanRepricing.Balance"/>: the book's balance at the valuation date.</summary>
    public decimal Balance { get; }

    /// <summary>The number of priced loans per payment-change bucket, in the order of the changes: at most the first
    /// bound (≤ −1000), then one bucket per bound up to 0 (change ≤ that bound and above the one before; the bound 0 counts
    /// changes in (−10, 0)), then exactly 0, then one per positive bound ((0, 10], …, (500, 1000]), then above the last
    /// bound (&gt; 1000): <see cref="BucketBounds"/>.Count + 2 buckets. Their sum is <see cref="Priced"/>.</summary>
    public IReadOnlyList<long> PaymentChangeBuckets { get; }

    /// <summary>The index of the bound 0 in <see cref="BucketBounds"/>: the bucket after it counts changes of exactly 0.</summary>
    private static readonly int ZeroBound = Array.IndexOf([.. BucketBounds], 0m);

    /// <summary>The bucket of a payment change: see <see cref="PaymentChangeBuckets"/>.</summary>
    internal static int BucketOf(decimal change)
    {
        if (change == 0m)
        {
            return ZeroBound + 1;
        }

        for (int k = 0; k < BucketBounds.Count; k++)
        {
            if (change <= BucketBounds[k])
            {
                return k <= ZeroBound ? k : k + 1; // a positive change comes after the bucket of 0
            }
        }

        return BucketBounds.Count + 1;
    }

    /// <summary>The label of bucket <paramref name="index"/>, e.g. <c>(-100, -50]</c>, <c>0</c>, <c>&gt; 1000</c>.</summary>
    /// <param name="index">0 to <see cref="BucketBounds"/>.Count + 1.</param>
    /// <returns>The label.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a bucket.</exception>
    public static string BucketLabel(int index)
    {
        int n = BucketBounds.Count;
        if (index < 0 || index > n + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, Resources.Localized.Format(Resources.LibraryText.Err_BookBucket, n + 1, index));
        }

        if (index == ZeroBound + 1)
        {
            return "0";
        }

        int k = index <= ZeroBound ? index : index - 1; // the bound the bucket ends at
        return k == 0 ? string.Create(CultureInfo.InvariantCulture, $"<= {BucketBounds[0]}")
            : k == n ? string.Create(CultureInfo.InvariantCulture, $"> {BucketBounds[n - 1]}")
            : string.Create(CultureInfo.InvariantCulture, $"({BucketBounds[k - 1]}, {BucketBounds[k]}{(BucketBounds[k] == 0m ? ")" : "]")}");
    }

    /// <inheritdoc />
    public bool Equals(RepricingSummary? other) => other is not null && Read == other.Read && Priced == other.Priced &&
        Failed == other.Failed && PaymentNow == other.PaymentNow && PaymentBefore == other.PaymentBefore && PaymentAfter == other.PaymentAfter &&
        InterestBefore == other.InterestBefore && InterestAfter == other.InterestAfter && WindowInterestBefore == other.WindowInterestBefore &&
        WindowInterestAfter == other.WindowInterestAfter && Balance == other.Balance && _buckets.AsSpan().SequenceEqual(other._buckets);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RepricingSummary other && Equals(other);

    /// <summary>True when both are equal (or both null).</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(RepricingSummary? left, RepricingSummary? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RepricingSummary? left, RepricingSummary? right) => !(left == right);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Read, Priced, Failed, InterestBefore, InterestAfter);

    /// <summary>The counts and sums, one per line.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"read {Read}, priced {Priced}, skipped {Failed}\n");
        b.Append(CultureInfo.InvariantCulture, $"balance {Balance}\n");
        b.Append(CultureInfo.InvariantCulture, $"payment now {PaymentNow}, before {PaymentBefore}, after {PaymentAfter}\n");
        b.Append(CultureInfo.InvariantCulture, $"window interest before {WindowInterestBefore}, after {WindowInterestAfter}\n");
        b.Append(CultureInfo.InvariantCulture, $"life interest before {InterestBefore}, after {InterestAfter}\n");
        for (int k = 0; k < _buckets.Length; k++)
        {
            b.Append(CultureInfo.InvariantCulture, $"payment change {BucketLabel(k)}: {_buckets[k]}\n");
        }

        return b.ToString();
    }
}

/// <summary>
/// Sums repricing results as they come, for a caller that writes them out and sums them in one pass (a mutable
/// builder, not a value: not thread-safe; one per consumer). <see cref="ToSummary"/> gives the summary so far.
/// </summary>
public sealed class RepricingTally
{
    private readonly decimal[] _sums = new decimal[8];
    private readonly long[] _buckets = new long[RepricingSummary.BucketBounds.Count + 2];
    private long _read;
    private long _priced;
    private long _failed;

    /// <summary>Counts one result and, when it was priced, adds its figures.</summary>
    /// <param name="r">The result.</param>
    /// <exception cref="ArgumentNullException"><paramref name="r"/> is null.</exception>
    public void Add(LoanRepricing r)
    {
        ArgumentNullException.ThrowIfNull(r);
        _read++;
        if (!r.IsPriced)
        {
            _failed++;
            return;
        }

        _priced++;
        _sums[0] += r.PaymentNow;
        _sums[1] += r.PaymentBefore;
        _sums[2] += r.PaymentAfter;
        _sums[3] += r.InterestBefore;
        _sums[4] += r.InterestAfter;
        _sums[5] += r.WindowInterestBefore;
        _sums[6] += r.WindowInterestAfter;
        _sums[7] += r.Balance;
        _buckets[RepricingSummary.BucketOf(r.PaymentAfter - r.PaymentBefore)]++;
    }

    /// <summary>The counts and sums of the results added so far.</summary>
    /// <returns>The summary.</returns>
    public RepricingSummary ToSummary() => new(_read, _priced, _failed, (decimal[])_sums.Clone(), (long[])_buckets.Clone());
}
