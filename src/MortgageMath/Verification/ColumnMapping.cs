using System.Globalization;
using System.Text;

namespace MortgageMath.Verification;

/// <summary>
/// Which header names of another system's CSV hold which <see cref="ScheduleColumn"/>. A preset accepts several names
/// per column and compares the columns the file has (at least one amount column); a mapping written by hand
/// (<see cref="Parse"/>, the tool's <c>--columns period=期数,payment=月供</c>) names exactly one header per column,
/// and each named header must be in the file. Header names match ignoring case, spaces, full-width parentheses and a
/// unit in parentheses (<c>本金(元)</c> is <c>本金</c>).
/// </summary>
/// <remarks>Immutable, and a value: two mappings are equal when they accept the same names for the same columns and
/// are both presets or both explicit.</remarks>
public sealed class ColumnMapping : IEquatable<ColumnMapping>
{
    private static readonly string[] ColumnNames =
        ["period", "due_date", "annual_rate_pct", "opening_balance", "payment", "principal", "interest", "closing_balance"];

    private readonly string[][] _names; // per ScheduleColumn, normalized
    private readonly string[] _written; // per ScheduleColumn, the header as an explicit mapping wrote it

    private ColumnMapping(string name, string[][] names, bool isExplicit, string[]? written = null)
    {
        Name = name;
        _names = names;
        IsExplicit = isExplicit;
        _written = written ?? [.. names.Select(n => n.FirstOrDefault() ?? "")];
    }

    /// <summary>The columns of MortgageMath's own CSV and JSON (<c>period,due_date,annual_rate_pct,opening_balance,payment,principal,interest,closing_balance</c>).</summary>
    public static ColumnMapping MortgageMath { get; } = new("mortgagemath", [.. ColumnNames.Select(n => new[] { Normalize(n) })], false);

    /// <summary>
    /// A typical Chinese bank export: 期数 (期次, 还款期数, 序号), 还款日期 (还款日, 应还日期, 日期), 月供(本息合计) (月供,
    /// 本息合计, 月还款额, 每期还款, 应还本息, 还款额), 本金 (应还本金, 偿还本金, 月还本金, 归还本金), 利息 (应还利息,
    /// 偿还利息, 月还利息, 归还利息), 剩余本金 (剩余本金余额, 剩余贷款, 贷款余额, 本金余额, 期末余额), 期初本金 (期初余额),
    /// 利率 (年利率, 执行利率).
    /// </summary>
    public static ColumnMapping ChineseBank { get; } = new("chinese-bank", Normalized(
        ["期数", "期次", "还款期数", "序号"],
        ["还款日期", "还款日", "应还日期", "日期"],
        ["利率", "年利率", "执行利率"],
        ["期初本金", "期初余额"],
        ["月供(本息合计)", "月供", "本息合计", "月还款额", "每期还款", "应还本息", "还款额"],
        ["本金", "应还本金", "偿还本金", "月还本金", "归还本金"],
        ["利息", "应还利息", "偿还利息", "月还利息", "归还利息"],
        ["剩余本金", "剩余本金余额", "剩余贷款", "贷款余额", "本金余额", "期末余额"]), false);

    /// <summary>The default: every name of <see cref="MortgageMath"/> and of <see cref="ChineseBank"/>.</summary>
    public static ColumnMapping Auto { get; } = new("auto",
        [.. Enumerable.Range(0, ColumnNames.Length).Select(k => MortgageMath._names[k].Concat(ChineseBank._names[k]).ToArray())], false);

    /// <summary>The preset's name (<c>auto</c>, <c>mortgagemath</c>, <c>chinese-bank</c>), or the text of a hand-written mapping.</summary>
    public string Name { get; }

    /// <summary>True for a hand-written mapping (<see cref="Parse"/>): exactly the columns it names are compared, and
    /// each named header must be in the file.</summary>
    public bool IsExplicit { get; }

    /// <summary>The columns this mapping can find.</summary>
    public IReadOnlyList<ScheduleColumn> Columns => [.. Enumerable.Range(0, _names.Length).Where(k => _names[k].Length > 0).Select(k => (ScheduleColumn)k)];

    /// <summary>The name of a column on the left of a <see cref="Parse"/> mapping, as in our CSV header: <c>period</c>,
    /// <c>due_date</c>, <c>annual_rate_pct</c> (also <c>rate</c>), <c>opening_balance</c>, <c>payment</c>,
    /// <c>principal</c>, <c>interest</c>, <c>closing_balance</c> (also <c>balance</c>).</summary>
    /// <param name="column">The column.</param>
    /// <returns>The name.</returns>
    public static string ColumnName(ScheduleColumn column) => ColumnNames[(int)column];

    /// <summary>A preset by name: <c>auto</c>, <c>mortgagemath</c> or <c>chinese-bank</c> (ignoring case).</summary>
    /// <param name="name">The name.</param>
    /// <param name="mapping">The preset, when the name is known.</param>
    /// <returns>Whether the name is a preset's.</returns>
    public static bool TryGetPreset(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ColumnMapping? mapping)
    {
        mapping = name?.Trim().ToLowerInvariant() switch
        {
            "auto" => Auto,
            "mortgagemath" or "ours" => MortgageMath,
            "chinese-bank" or "cn-bank" => ChineseBank,
            _ => null,
        };
        return mapping is not null;
    }

    /// <summary>
    /// Reads a hand-written mapping, <c>column=header</c> pairs separated by commas: <c>period=期数,payment=月供,interest=利息</c>.
    /// A column is named as <see cref="ColumnName"/> writes it; a header as the file writes it.
    /// </summary>
    /// <param name="text">The mapping.</param>
    /// <returns>The mapping (<see cref="IsExplicit"/>).</returns>
    /// <exception cref="ColumnMappingException">A pair is not <c>column=header</c>, a column is unknown, or a column or a
    /// header is mapped twice (<see cref="ColumnMappingException.Value"/> names it).</exception>
    public static ColumnMapping Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[][] names = [.. ColumnNames.Select(_ => Array.Empty<string>())];
        string[] written = [.. ColumnNames.Select(_ => "")];
        var headers = new HashSet<string>(StringComparer.Ordinal);
        foreach (string raw in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = raw.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == raw.Length - 1)
            {
                throw new ColumnMappingException(raw, Resources.Localized.Format(Resources.LibraryText.Err_VerifyMappingPair, raw));
            }

            string left = raw[..eq].Trim().ToLowerInvariant();
            string header = raw[(eq + 1)..].Trim();
            int column = left switch
            {
                "rate" => (int)ScheduleColumn.AnnualRate,
                "balance" => (int)ScheduleColumn.ClosingBalance,
                "date" => (int)ScheduleColumn.DueDate,
                _ => Array.IndexOf(ColumnNames, left),
            };
            if (column < 0)
            {
                throw new ColumnMappingException(left, Resources.Localized.Format(Resources.LibraryText.Err_VerifyUnknownColumn, left, string.Join(", ", ColumnNames)));
            }

            if (names[column].Length > 0)
            {
                throw new ColumnMappingException(left, Resources.Localized.Format(Resources.LibraryText.Err_VerifyColumnTwice, ColumnNames[column]));
            }

            string normalized = Normalize(header);
            if (!headers.Add(normalized))
            {
                throw new ColumnMappingException(header, Resources.Localized.Format(Resources.LibraryText.Err_VerifyHeaderTwice, header));
            }

            names[column] = [normalized];
            written[column] = header;
        }

        if (names.All(n => n.Length == 0))
        {
            throw new ColumnMappingException(text, Resources.LibraryText.Err_VerifyMappingEmpty);
        }

        return new ColumnMapping(text.Trim(), names, true, written);
    }

    /// <summary>
    /// Finds the mapped columns in a header line: per <see cref="ScheduleColumn"/>, the index of the field that holds it, or −1.
    /// </summary>
    /// <param name="headers">The header fields.</param>
    /// <returns>Per column, its field index or −1.</returns>
    /// <exception cref="ColumnMappingException">Two headers match one column, a header of an explicit mapping is not in
    /// the file, or no amount column is found.</exception>
    internal int[] Resolve(IReadOnlyList<string> headers)
    {
        int[] at = [.. ColumnNames.Select(_ => -1)];
        string[] normalized = [.. headers.Select(Normalize)];
        for (int column = 0; column < _names.Length; column++)
        {
            for (int field = 0; field < normalized.Length; field++)
            {
                if (Array.IndexOf(_names[column], normalized[field]) < 0)
                {
                    continue;
                }

                if (at[column] >= 0)
                {
                    throw new ColumnMappingException(headers[field],
                        Resources.Localized.Format(Resources.LibraryText.Err_VerifyHeadersBothMatch, headers[at[column]], headers[field], ColumnNames[column]));
                }

                at[column] = field;
            }

            if (IsExplicit && _names[column].Length > 0 && at[column] < 0)
            {
                string header = _written[column];
                throw new ColumnMappingException(header,
                    Resources.Localized.Format(Resources.LibraryText.Err_VerifyMappedHeaderMissing, header, ColumnNames[column], string.Join(", ", headers)));
            }
        }

        if (at[(int)ScheduleColumn.Payment] < 0 && at[(int)ScheduleColumn.Principal] < 0 && at[(int)ScheduleColumn.Interest] < 0 &&
            at[(int)ScheduleColumn.OpeningBalance] < 0 && at[(int)ScheduleColumn.ClosingBalance] < 0)
        {
            throw new ColumnMappingException(string.Join(",", headers),
                Resources.Localized.Format(Resources.LibraryText.Err_VerifyNoAmountColumn, string.Join(", ", headers)));
        }

        return at;
    }

    /// <summary>A header as it is compared: trimmed, without spaces, a byte order mark or a unit in parentheses, ASCII
    /// parentheses, lower case.</summary>
    internal static string Normalize(string header)
    {
        var text = new StringBuilder(header.Length);
        foreach (char c in header)
        {
            char d = c switch { '（' => '(', '）' => ')', _ => c };
            if (!char.IsWhiteSpace(d) && d != '\uFEFF' && d != '"')
            {
                text.Append(char.ToLowerInvariant(d));
            }
        }

        string result = text.ToString();
        foreach (string unit in (string[])["(元)", "(%)", "(cny)", "(rmb)", "(¥)", "(￥)", "(天)"])
        {
            if (result.EndsWith(unit, StringComparison.Ordinal) && result.Length > unit.Length)
            {
                result = result[..^unit.Length];
            }
        }

        return result;
    }

    private static string[][] Normalized(params string[][] names) => [.. names.Select(n => n.Select(Normalize).ToArray())];

    /// <inheritdoc/>
    public bool Equals(ColumnMapping? other) =>
        other is not null && IsExplicit == other.IsExplicit &&
        _names.Zip(other._names).All(p => p.First.AsSpan().SequenceEqual(p.Second));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ColumnMapping);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(IsExplicit);
        foreach (string[] names in _names)
        {
            hash.Add(names.Length);
            foreach (string name in names)
            {
                hash.Add(name, StringComparer.Ordinal);
            }
        }

        return hash.ToHashCode();
    }

    /// <summary>Value equality.</summary>
    /// <param name="left">A mapping.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(ColumnMapping? left, ColumnMapping? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality.</summary>
    /// <param name="left">A mapping.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(ColumnMapping? left, ColumnMapping? right) => !(left == right);

    /// <summary>The name (a preset's) or the mapping's text.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Name.ToString(CultureInfo.InvariantCulture);
}
