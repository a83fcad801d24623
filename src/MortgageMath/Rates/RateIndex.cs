using System.Text.Json.Serialization;
using System.Diagnostics.CodeAnalysis;

namespace MortgageMath;

/// <summary>
/// A published reference rate, such as the over-5-year LPR to which Chinese mortgages are pegged. Each index has a stable
/// lowercase <see cref="Name"/> used in rate files (<c>index</c> column), JSON loan specs and the CLI
/// <c>--index</c> option. Two indexes are equal when their names are equal. The values over time live in a
/// <see cref="RateTable"/>.
/// </summary>
/// <example>
/// <code>
/// RateIndex lpr = RateIndex.Lpr5Y;                       // "lpr5y"
/// RateIndex.TryParse("PF-FIRST-GT5Y", out RateIndex pf); // true: names are case-insensitive
/// RateIndex mine = RateIndex.Custom("my-bank-base", "My bank's base rate");
/// </code>
/// </example>
[JsonConverter(typeof(Serialization.RateIndexJsonConverter))]
public sealed class RateIndex : IEquatable<RateIndex>
{
    /// <summary>The longest name a custom index may have.</summary>
    private const int MaxNameLength = 64;

    private RateIndex(string name, string description)
    {
        Name = name;
        Description = description;
    }

    /// <summary>The 1-year Loan Prime Rate (贷款市场报价利率 1年期), published monthly from 2019-08-20. Name <c>lpr1y</c>.</summary>
    public static RateIndex Lpr1Y { get; } = new("lpr1y", "1-year Loan Prime Rate (LPR, 贷款市场报价利率 1年期)");

    /// <summary>
    /// The over-5-year Loan Prime Rate (贷款市场报价利率 5年期以上), the benchmark for mortgages, published monthly from
    /// 2019-08-20. Name <c>lpr5y</c>.
    /// </summary>
    public static RateIndex Lpr5Y { get; } = new("lpr5y", "Over-5-year Loan Prime Rate (LPR, 贷款市场报价利率 5年期以上), the mortgage benchmark");

    /// <summary>The PBoC benchmark lending rate for terms up to 1 year (贷款基准利率 一年以内), frozen since 2015-10-24. Name <c>pboc-1y</c>.</summary>
    public static RateIndex PbocBenchmark1Y { get; } = new("pboc-1y", "PBoC benchmark lending rate, up to 1 year (贷款基准利率 一年以内(含))");

    /// <summary>The PBoC benchmark lending rate for terms over 1 and up to 5 years (贷款基准利率 一至五年), frozen since 2015-10-24. Name <c>pboc-1to5y</c>.</summary>
    public static RateIndex PbocBenchmark1To5Y { get; } = new("pboc-1to5y", "PBoC benchmark lending rate, over 1 to 5 years (贷款基准利率 一至五年(含))");

    /// <summary>The PBoC benchmark lending rate for terms over 5 years (贷款基准利率 五年以上), frozen at 4.90% since 2015-10-24. Name <c>pboc-5y</c>.</summary>
    public static RateIndex PbocBenchmark5Y { get; } = new("pboc-5y", "PBoC benchmark lending rate, over 5 years (贷款基准利率 五年以上)");

    /// <summary>The housing provident fund rate for a first home, terms up to 5 years (公积金贷款利率 首套 五年以下(含)). Name <c>pf-first-le5y</c>.</summary>
    public static RateIndex ProvidentFundFirstHomeUpTo5Y { get; } = new("pf-first-le5y", "Housing provident fund loan rate, first home, up to 5 years (公积金贷款利率 首套 五年以下(含))");

    /// <summary>The housing provident fund rate for a first home, terms over 5 years (公积金贷款利率 首套 五年以上). Name <c>pf-first-gt5y</c>.</summary>
    public static RateIndex ProvidentFundFirstHomeOver5Y { get; } = new("pf-first-gt5y", "Housing provident fund loan rate, first home, over 5 years (公积金贷款利率 首套 五年以上)");

    /// <summary>
    /// The minimum housing provident fund rate for a second home, terms up to 5 years (公积金贷款利率 二套 五年以下(含),
    /// "not lower than" 1.1 × the first-home rate). Name <c>pf-second-le5y</c>.
    /// </summary>
    public static RateIndex ProvidentFundSecondHomeUpTo5Y { get; } = new("pf-second-le5y", "Housing provident fund loan rate, second home, up to 5 years, minimum (公积金贷款利率 二套 五年以下(含) 不低于)");

    /// <summary>
    /// The minimum housing provident fund rate for a second home, terms over 5 years (公积金贷款利率 二套 五年以上,
    /// "not lower than" 1.1 × the first-home rate). Name <c>pf-second-gt5y</c>.
    /// </summary>
    public static RateIndex ProvidentFundSecondHomeOver5Y { get; } = new("pf-second-gt5y", "Housing provident fund loan rate, second home, over 5 years, minimum (公积金贷款利率 二套 五年以上 不低于)");

    /// <summary>Every built-in index, in a fixed order: LPR, PBoC benchmark, provident fund.</summary>
    public static IReadOnlyList<RateIndex> All { get; } =
    [
        Lpr1Y, Lpr5Y,
        PbocBenchmark1Y, PbocBenchmark1To5Y, PbocBenchmark5Y,
        ProvidentFundFirstHomeUpTo5Y, ProvidentFundFirstHomeOver5Y, ProvidentFundSecondHomeUpTo5Y, ProvidentFundSecondHomeOver5Y,
    ];

    /// <summary>The stable name: lowercase letters, digits and '-', e.g. <c>lpr5y</c>.</summary>
    public string Name { get; }

    /// <summary>What the index is, in English with the Chinese term.</summary>
    public string Description { get; }

    /// <summary>True for the built-in indexes in <see cref="All"/>; false for <see cref="Custom"/> ones.</summary>
    internal bool IsBuiltIn => BuiltInOrder(this) >= 0;

    /// <summary>Finds a built-in index by name, ignoring case: <c>"LPR5Y"</c> is <see cref="Lpr5Y"/>.</summary>
    /// <param name="name">The name, e.g. <c>lpr5y</c>; surrounding white space is ignored.</param>
    /// <param name="index">The index, or null when the name is not a built-in index.</param>
    /// <returns>Whether the name is a built-in index. Custom indexes are not found here; create them with <see cref="Custom"/>.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, [MaybeNullWhen(false)] out RateIndex index)
    {
        index = null;
        if (name is null)
        {
            return false;
        }

        string trimmed = name.Trim();
        foreach (RateIndex candidate in All)
        {
            if (string.Equals(candidate.Name, trimmed, StringComparison.OrdinalIgnoreCase))
            {
                index = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>An index of your own, e.g. a bank's internal base rate, to hold fixings in a <see cref="RateTable"/>.</summary>
    /// <param name="name">The name: 1 to 64 lowercase letters (a-z), digits and '-', starting with a letter or digit; not a built-in name.</param>
    /// <param name="description">What the index is; not blank.</param>
    /// <returns>The index; equal to any other index with the same name.</returns>
    /// <exception cref="ArgumentNullException">A parameter is null.</exception>
    /// <exception cref="ArgumentException">The name is not valid or is a built-in index's name, or the description is blank.</exception>
    public static RateIndex Custom(string name, string description)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(description);
        if (ValidateName(name) is { } problem)
        {
            throw new ArgumentException(problem, nameof(name));
        }

        if (TryParse(name, out _))
        {
            throw new ArgumentException(
                Resources.Localized.Format(Resources.LibraryText.Valid_IndexBuiltIn, name), nameof(name));
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            throw new ArgumentException(Resources.LibraryText.Valid_IndexDescription, nameof(description));
        }

        return new RateIndex(name, description);
    }

    /// <summary>Null when <paramref name="name"/> is a valid index name, else a message saying what is wrong with it.</summary>
    internal static string? ValidateName(string name)
    {
        if (name.Length is 0 or > MaxNameLength || name[0] == '-')
        {
            return Resources.Localized.Format(Resources.LibraryText.Valid_IndexName, name);
        }

        foreach (char c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return Resources.Localized.Format(Resources.LibraryText.Valid_IndexNameChar, name, c);
            }
        }

        return null;
    }

    /// <summary>The position of a built-in index in <see cref="All"/>, or -1 for a custom one.</summary>
    internal static int BuiltInOrder(RateIndex index)
    {
        for (int i = 0; i < All.Count; i++)
        {
            if (All[i].Name == index.Name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Orders built-in indexes as in <see cref="All"/>, then custom ones by name.</summary>
    internal static int CompareForDisplay(RateIndex left, RateIndex right)
    {
        int l = BuiltInOrder(left);
        int r = BuiltInOrder(right);
        if (l >= 0 || r >= 0)
        {
            return (l < 0 ? int.MaxValue : l).CompareTo(r < 0 ? int.MaxValue : r);
        }

        return string.CompareOrdinal(left.Name, right.Name);
    }

    /// <summary>True when both are the same index (the same name), or both are null.</summary>
    /// <param name="left">The first index.</param>
    /// <param name="right">The second index.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(RateIndex? left, RateIndex? right) => left is null ? right is null : left.Equals(right);

    /// <summary>True when the indexes have different names.</summary>
    /// <param name="left">The first index.</param>
    /// <param name="right">The second index.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RateIndex? left, RateIndex? right) => !(left == right);

    /// <inheritdoc />
    public bool Equals(RateIndex? other) => other is not null && string.Equals(Name, other.Name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RateIndex other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

    /// <summary>The name, e.g. <c>lpr5y</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}
