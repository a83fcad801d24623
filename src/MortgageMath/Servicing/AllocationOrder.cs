using System.Diagnostics.CodeAnalysis;
using MortgageMath.Specs;

namespace MortgageMath.Servicing;

/// <summary>What a payment can be applied to on an instalment.</summary>
public enum AllocationBucket
{
    /// <summary>Fees: late charges and any charge the schedule itself bills (a scheduled prepayment's penalty).</summary>
    Fees = 0,

    /// <summary>Penalty interest on overdue principal (罚息).</summary>
    PenaltyInterest = 1,

    /// <summary>Compound interest on overdue interest (复利).</summary>
    CompoundInterest = 2,

    /// <summary>The instalment's contractual interest.</summary>
    Interest = 3,

    /// <summary>The instalment's contractual principal.</summary>
    Principal = 4,
}

/// <summary>How the buckets of several overdue instalments are walked.</summary>
public enum AllocationScope
{
    /// <summary>The oldest instalment's buckets in order, then the next instalment's (China, Fineract's default).</summary>
    OldestInstalmentFirst = 0,

    /// <summary>One bucket across all instalments, oldest first, before the next bucket (Fineract's "Adhikar" order:
    /// the interest of every overdue instalment before any principal).</summary>
    BucketAcrossInstalments = 1,
}

/// <summary>
/// The order in which a payment is applied to what is due: an ordered list holding each <see cref="AllocationBucket"/>
/// exactly once, and a <see cref="AllocationScope"/>. Text form (<see cref="ToString"/>, <see cref="Parse"/>): a
/// preset's name (<c>china</c>, <c>fannie-mae</c>, <c>penalties-fees-interest-principal</c>) or
/// <c>order(fees, penalty-interest, compound-interest, interest, principal; oldest-instalment-first)</c>.
/// </summary>
public sealed class AllocationOrder : IEquatable<AllocationOrder>
{
    private readonly AllocationBucket[] _buckets;

    private AllocationOrder(AllocationBucket[] buckets, AllocationScope scope, string? preset)
    {
        _buckets = buckets;
        Scope = scope;
        Preset = preset;
    }

    /// <summary>Creates an order.</summary>
    /// <param name="buckets">Each of the five buckets exactly once, in the order money goes to them.</param>
    /// <param name="scope">Whether the oldest instalment is cleared first, or one bucket across all instalments.</param>
    /// <returns>The order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="buckets"/> is null.</exception>
    /// <exception cref="ArgumentException">A bucket is missing, repeated or unknown; the message names it.</exception>
    public static AllocationOrder Create(IEnumerable<AllocationBucket> buckets, AllocationScope scope = AllocationScope.OldestInstalmentFirst)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        AllocationBucket[] list = [.. buckets];
        if (!Enum.IsDefined(scope))
        {
            throw new ArgumentOutOfRangeException(nameof(scope), scope, Resources.LibraryText.Valid_AllocationScope);
        }

        foreach (AllocationBucket bucket in list)
        {
            if (!Enum.IsDefined(bucket))
            {
                throw new ArgumentException(Resources.Localized.Format(Resources.LibraryText.Valid_AllocationBucket, (int)bucket), nameof(buckets));
            }
        }

        foreach (AllocationBucket bucket in Enum.GetValues<AllocationBucket>())
        {
            int count = list.Count(b => b == bucket);
            if (count != 1)
            {
                throw new ArgumentException(
                    Resources.Localized.Format(Resources.LibraryText.Valid_AllocationOnce, NameOf(bucket), count), nameof(buckets));
            }
        }

        return new AllocationOrder(list, scope, PresetName(list, scope));
    }

    /// <summary>China (民法典 art. 561, unless agreed otherwise: costs of realising the claim → interest → principal):
    /// fees, penalty interest, compound interest, interest, principal; oldest instalment first. The default.</summary>
    public static AllocationOrder China { get; } = new(
        [AllocationBucket.Fees, AllocationBucket.PenaltyInterest, AllocationBucket.CompoundInterest, AllocationBucket.Interest, AllocationBucket.Principal], AllocationScope.OldestInstalmentFirst, "china");

    /// <summary>Fannie Mae Servicing Guide F-1-09 (notes of March 1999 or later): interest → principal → (escrow, not
    /// modelled) → late charges, oldest instalment first; penalty and compound interest, which US loans do not charge,
    /// come last.</summary>
    public static AllocationOrder FannieMae { get; } = new(
        [AllocationBucket.Interest, AllocationBucket.Principal, AllocationBucket.Fees, AllocationBucket.PenaltyInterest, AllocationBucket.CompoundInterest], AllocationScope.OldestInstalmentFirst, "fannie-mae");

    /// <summary>Apache Fineract's default ("penalties, fees, interest, principal", oldest instalment first): penalty
    /// interest and compound interest are the penalties, late charges the fees.</summary>
    public static AllocationOrder PenaltiesFeesInterestPrincipal { get; } = new(
        [AllocationBucket.PenaltyInterest, AllocationBucket.CompoundInterest, AllocationBucket.Fees, AllocationBucket.Interest, AllocationBucket.Principal], AllocationScope.OldestInstalmentFirst, "penalties-fees-interest-principal");

    /// <summary>The presets, by their text names.</summary>
    private static readonly (string Name, Func<AllocationOrder> Order)[] Presets =
    [
        ("china", () => China),
        ("fannie-mae", () => FannieMae),
        ("penalties-fees-interest-principal", () => PenaltiesFeesInterestPrincipal),
    ];

    /// <summary>The buckets in the order money goes to them; each exactly once.</summary>
    public IReadOnlyList<AllocationBucket> Buckets => _buckets;

    /// <summary>Whether the oldest instalment is cleared first, or one bucket across all instalments.</summary>
    public AllocationScope Scope { get; }

    /// <summary>The preset's name when the order is one (<c>china</c>), else null.</summary>
    public string? Preset { get; }

    internal ReadOnlySpan<AllocationBucket> BucketSpan => _buckets;

    private static string? PresetName(AllocationBucket[] buckets, AllocationScope scope)
    {
        foreach ((string name, Func<AllocationOrder> order) in Presets)
        {
            AllocationOrder preset = order();
            if (preset.Scope == scope && preset._buckets.AsSpan().SequenceEqual(buckets))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>The text name of a bucket: <c>penalty-interest</c>.</summary>
    /// <param name="bucket">The bucket.</param>
    /// <returns>Its name.</returns>
    public static string NameOf(AllocationBucket bucket) => bucket switch
    {
        AllocationBucket.Fees => "fees",
        AllocationBucket.PenaltyInterest => "penalty-interest",
        AllocationBucket.CompoundInterest => "compound-interest",
        AllocationBucket.Interest => "interest",
        AllocationBucket.Principal => "principal",
        _ => ((int)bucket).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string NameOf(AllocationScope scope) => scope == AllocationScope.OldestInstalmentFirst ? "oldest-instalment-first" : "bucket-across-instalments";

    /// <summary>Reads an order as <see cref="ToString"/> writes it.</summary>
    /// <param name="text">A preset's name or <c>order(…; scope)</c>.</param>
    /// <returns>The order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not an allocation order; the message says what is expected.</exception>
    public static AllocationOrder Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryRead(text, out AllocationOrder? order, out string? problem) ? order : throw new FormatException(Resources.Localized.Format(Resources.LibraryText.Valid_AllocationText, text, problem));
    }

    /// <summary>Reads an order like <see cref="Parse"/>, returning false instead of throwing.</summary>
    /// <param name="text">The text; null gives false.</param>
    /// <param name="order">The order, or null.</param>
    /// <returns>Whether the text is an allocation order.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, [MaybeNullWhen(false)] out AllocationOrder order) => TryRead(text, out order, out _);

    internal static bool TryRead([NotNullWhen(true)] string? text, [MaybeNullWhen(false)] out AllocationOrder order, out string? problem)
    {
        order = null;
        problem = null;
        if (text is null)
        {
            return false;
        }

        string trimmed = text.Trim();
        foreach ((string name, Func<AllocationOrder> preset) in Presets)
        {
            if (string.Equals(trimmed, name, StringComparison.OrdinalIgnoreCase))
            {
                order = preset();
                return true;
            }
        }

        string expected = Resources.Localized.Format(Resources.LibraryText.Valid_Write, Resources.Localized.Either([.. Presets.Select(p => p.Name), "order(fees, penalty-interest, compound-interest, interest, principal; oldest-instalment-first)"]));
        if (!trimmed.StartsWith("order(", StringComparison.OrdinalIgnoreCase) || !trimmed.EndsWith(')'))
        {
            problem = expected;
            return false;
        }

        string inner = trimmed[6..^1];
        string[] parts = inner.Split(';');
        AllocationScope scope = AllocationScope.OldestInstalmentFirst;
        if (parts.Length > 2)
        {
            problem = Resources.LibraryText.Valid_AllocationSemicolon;
            return false;
        }

        if (parts.Length == 2)
        {
            string s = parts[1].Trim();
            if (s.Equals(NameOf(AllocationScope.OldestInstalmentFirst), StringComparison.OrdinalIgnoreCase))
            {
                scope = AllocationScope.OldestInstalmentFirst;
            }
            else if (s.Equals(NameOf(AllocationScope.BucketAcrossInstalments), StringComparison.OrdinalIgnoreCase))
            {
                scope = AllocationScope.BucketAcrossInstalments;
            }
            else
            {
                problem = Resources.Localized.Format(Resources.LibraryText.Valid_AllocationScopeText, s);
                return false;
            }
        }

        var buckets = new List<AllocationBucket>();
        foreach (string raw in parts[0].Split(','))
        {
            string name = raw.Trim();
            AllocationBucket? bucket = Enum.GetValues<AllocationBucket>().Cast<AllocationBucket?>()
                .FirstOrDefault(b => string.Equals(NameOf(b!.Value), name, StringComparison.OrdinalIgnoreCase));
            if (bucket is null)
            {
                problem = Resources.Localized.Format(Resources.LibraryText.Valid_AllocationBucketText, name, Resources.Localized.Either([.. Enum.GetValues<AllocationBucket>().Select(NameOf)]));
                return false;
            }

            buckets.Add(bucket.Value);
        }

        try
        {
            order = Create(buckets, scope);
            return true;
        }
        catch (ArgumentException e)
        {
            problem = SpecText.Reason(e);
            return false;
        }
    }

    /// <summary>True when both apply money the same way.</summary>
    /// <param name="other">The other order.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(AllocationOrder? other) => other is not null && Scope == other.Scope && _buckets.AsSpan().SequenceEqual(other._buckets);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AllocationOrder other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Scope, _buckets[0], _buckets[1], _buckets[2], _buckets[3], _buckets[4]);

    /// <summary>True when both apply money the same way.</summary>
    /// <param name="left">An order.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(AllocationOrder? left, AllocationOrder? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">An order.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(AllocationOrder? left, AllocationOrder? right) => !(left == right);

    /// <summary>The preset's name, or <c>order(…; scope)</c>; <see cref="Parse"/> reads it back.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Preset ?? $"order({string.Join(", ", _buckets.Select(NameOf))}; {NameOf(Scope)})";
}
