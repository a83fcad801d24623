using NodaTime;

namespace MortgageMath.Servicing;

/// <summary>What a classification rule measures on the account as of a date.</summary>
public enum DelinquencyMeasure
{
    /// <summary>Days past due: days since the oldest due date still unpaid beyond the policy's tolerance (0 while within
    /// the grace days).</summary>
    DaysPastDue = 0,

    /// <summary>How many instalments are overdue.</summary>
    OverdueInstalments = 1,

    /// <summary>The longest run of consecutive overdue instalments.</summary>
    ConsecutiveOverdueInstalments = 2,
}

/// <summary>A class an account can be in: its rank (0 = performing; higher is worse), a code and a label.</summary>
/// <param name="Rank">0 for the performing class, higher for worse classes.</param>
/// <param name="Code">A stable lowercase identifier, e.g. <c>special-mention</c>.</param>
/// <param name="Label">The name a loan officer uses, e.g. <c>关注</c>.</param>
public sealed record RiskClass(int Rank, string Code, string Label)
{
    /// <summary>The label.</summary>
    /// <returns>The label.</returns>
    public override string ToString() => Label;
}

/// <summary>
/// "When <see cref="Measure"/> is at least <see cref="AtLeast"/>, the account is at least in <see cref="Class"/>",
/// with the source of the rule.
/// </summary>
/// <param name="Class">The (minimum) class the rule puts the account in.</param>
/// <param name="Measure">What the rule measures.</param>
/// <param name="AtLeast">The threshold, at least 1: "more than 90 days" is <c>AtLeast = 91</c>.</param>
/// <param name="Source">Where the rule comes from, e.g. <c>金融资产风险分类办法 (2023) art. 11</c>.</param>
public sealed record ClassRule(RiskClass Class, DelinquencyMeasure Measure, int AtLeast, string Source)
{
    /// <summary>The rule in words, in the language of <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>:
    /// <c>次级 when days past due ≥ 91 (source)</c>, in Chinese <c>逾期天数 ≥ 91 时为次级（source）</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Resources.Localized.Format(Resources.LibraryText.ClassRule_Text, Class.Label, MeasureName(Measure), AtLeast, Source);

    internal static string MeasureName(DelinquencyMeasure measure) => measure switch
    {
        DelinquencyMeasure.DaysPastDue => Resources.LibraryText.Measure_DaysPastDue,
        DelinquencyMeasure.OverdueInstalments => Resources.LibraryText.Measure_OverdueInstalments,
        _ => Resources.LibraryText.Measure_ConsecutiveOverdueInstalments,
    };
}

/// <summary>A servicing deadline counted in days past due, e.g. Reg X's live contact by day 36.</summary>
/// <param name="DaysPastDue">The day it falls on, counted like <see cref="DelinquencyMeasure.DaysPastDue"/>.</param>
/// <param name="Action">What must be done (or may not be done before).</param>
/// <param name="Source">The rule's source.</param>
public sealed record ServicingMilestone(int DaysPastDue, string Action, string Source);

/// <summary>
/// A classification scheme as data: the performing class, rules that each put an account in at least a class, and
/// milestones. The account's class is the worst class among the rules it meets (the rules give minimum classes).
/// Presets: <see cref="China2023"/> (the default), <see cref="BankWarningLevels"/>, <see cref="UsDelinquency"/>.
/// </summary>
public sealed class RiskClassification : IEquatable<RiskClassification>
{
    private RiskClassification(string name, RiskClass performing, ClassRule[] rules, ServicingMilestone[] milestones)
    {
        Name = name;
        Performing = performing;
        Rules = rules;
        Milestones = milestones;
        _rules = rules;
        _milestones = milestones;
    }

    private readonly ClassRule[] _rules;
    private readonly ServicingMilestone[] _milestones;

    /// <summary><see cref="Milestones"/> as a span (no enumerator on an account's path).</summary>
    internal ReadOnlySpan<ServicingMilestone> MilestoneSpan => _milestones;

    /// <summary>Creates a scheme.</summary>
    /// <param name="name">The scheme's name, e.g. <c>china-2023</c>.</param>
    /// <param name="performing">The class of an account that is not overdue; its rank must be 0.</param>
    /// <param name="rules">The rules; each threshold at least 1 and each class of rank above 0.</param>
    /// <param name="milestones">Servicing deadlines in days past due, or null for none.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentNullException">An argument or a rule is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rank or threshold is out of range; the message names it.</exception>
    public static RiskClassification Create(string name, RiskClass performing, IEnumerable<ClassRule> rules, IEnumerable<ServicingMilestone>? milestones = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(performing);
        ArgumentNullException.ThrowIfNull(rules);
        if (performing.Rank != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(performing), performing.Rank, Resources.LibraryText.Valid_PerformingRank);
        }

        ClassRule[] list = [.. rules];
        foreach (ClassRule rule in list)
        {
            ArgumentNullException.ThrowIfNull(rule, nameof(rules));
            if (rule.AtLeast is < 1 or > 100_000)
            {
                throw new ArgumentOutOfRangeException(nameof(rules), rule.AtLeast, Resources.Localized.Format(Resources.LibraryText.Valid_ClassThreshold, rule, rule.AtLeast));
            }

            if (rule.Class.Rank < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(rules), rule.Class.Rank, Resources.Localized.Format(Resources.LibraryText.Valid_ClassRank, rule, rule.Class.Rank));
            }
        }

        ServicingMilestone[] marks = [.. (milestones ?? []).OrderBy(m => m.DaysPastDue)];
        foreach (ServicingMilestone mark in marks)
        {
            if (mark.DaysPastDue is < 1 or > 100_000)
            {
                throw new ArgumentOutOfRangeException(nameof(milestones), mark.DaysPastDue, Resources.Localized.Format(Resources.LibraryText.Valid_MilestoneDay, mark.Action, mark.DaysPastDue));
            }
        }

        return new RiskClassification(name, performing, list, marks);
    }

    private const string China2023Source = "金融资产风险分类办法 (NFRA/PBoC 2023) art. 11";

    /// <summary>The classes of <see cref="China2023"/>: 正常, 关注, 次级, 可疑, 损失.</summary>
    public static IReadOnlyList<RiskClass> ChinaClasses { get; } =
    [
        new(0, "pass", "正常"), new(1, "special-mention", "关注"), new(2, "substandard", "次级"), new(3, "doubtful", "可疑"), new(4, "loss", "损失"),
    ];

    /// <summary>China's 2023 five-class rule (金融资产风险分类办法): 正常 when current; overdue ⇒ at least 关注; more
    /// than 90 days ⇒ at least 次级; more than 270 ⇒ at least 可疑; more than 360 ⇒ 损失. Minimum classes: a bank
    /// may classify worse on other evidence.</summary>
    public static RiskClassification China2023 { get; } = new("china-2023", ChinaClasses[0],
    [
        new(ChinaClasses[1], DelinquencyMeasure.DaysPastDue, 1, China2023Source),
        new(ChinaClasses[2], DelinquencyMeasure.DaysPastDue, 91, China2023Source),
        new(ChinaClasses[3], DelinquencyMeasure.DaysPastDue, 271, China2023Source),
        new(ChinaClasses[4], DelinquencyMeasure.DaysPastDue, 361, China2023Source),
    ], []);

    private const string WarningSource = "bank mortgage customer-service practice (multi-level overdue warning)";

    /// <summary>The bank's overdue warning levels: level 1 = any instalment overdue; level 2 = two consecutive
    /// overdue instalments; level 3 as the caller defines (e.g. days past due ≥ 91, or three consecutive).</summary>
    /// <param name="level3">The rule for level 3 (its class is replaced by level 3), or null for no level 3.</param>
    /// <returns>The scheme.</returns>
    public static RiskClassification BankWarningLevels(ClassRule? level3 = null)
    {
        var none = new RiskClass(0, "none", "无预警");
        var level1 = new RiskClass(1, "level-1", "一级预警");
        var level2 = new RiskClass(2, "level-2", "二级预警");
        var rules = new List<ClassRule>
        {
            new(level1, DelinquencyMeasure.OverdueInstalments, 1, WarningSource),
            new(level2, DelinquencyMeasure.ConsecutiveOverdueInstalments, 2, WarningSource),
        };
        if (level3 is not null)
        {
            rules.Add(level3 with { Class = new RiskClass(3, "level-3", "三级预警") });
        }

        return Create(level3 is null ? "bank-warning-levels" : "bank-warning-levels+3", none, rules);
    }

    private const string UsSource = "MBA delinquency buckets";

    /// <summary>US delinquency buckets (current; 30, 60, 90 and 120 days past due) with the Reg X milestones: live
    /// contact by day 36 (12 CFR 1024.39(a)), written notice by day 45 (§1024.39(b)), no first foreclosure filing
    /// before the loan is more than 120 days delinquent (§1024.41(f)).</summary>
    public static RiskClassification UsDelinquency { get; } = new("us-delinquency", new RiskClass(0, "current", "current"),
    [
        new(new RiskClass(1, "30-days", "30 days delinquent"), DelinquencyMeasure.DaysPastDue, 30, UsSource),
        new(new RiskClass(2, "60-days", "60 days delinquent"), DelinquencyMeasure.DaysPastDue, 60, UsSource),
        new(new RiskClass(3, "90-days", "90 days delinquent"), DelinquencyMeasure.DaysPastDue, 90, UsSource),
        new(new RiskClass(4, "120-days", "120+ days delinquent"), DelinquencyMeasure.DaysPastDue, 120, UsSource),
    ],
    [
        new(36, "live contact with the borrower (early intervention)", "12 CFR 1024.39(a)"),
        new(45, "written early-intervention notice", "12 CFR 1024.39(b)"),
        new(121, "first foreclosure filing permitted", "12 CFR 1024.41(f)"),
    ]);

    /// <summary>The preset schemes by name: <c>china-2023</c>, <c>bank-warning-levels</c>, <c>us-delinquency</c>.</summary>
    /// <param name="name">The name, ignoring case.</param>
    /// <returns>The scheme.</returns>
    /// <exception cref="ArgumentOutOfRangeException">No preset has that name; the message lists them.</exception>
    public static RiskClassification Preset(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (RiskClassification preset in (ReadOnlySpan<RiskClassification>)[China2023, BankWarningLevels(), UsDelinquency])
        {
            if (string.Equals(preset.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return preset;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(name), name, Resources.Localized.Format(Resources.LibraryText.Valid_ClassificationName, name));
    }

    /// <summary>The scheme's name.</summary>
    public string Name { get; }

    /// <summary>The class of an account that meets no rule (rank 0).</summary>
    public RiskClass Performing { get; }

    /// <summary>The rules, as given.</summary>
    public IReadOnlyList<ClassRule> Rules { get; }

    /// <summary>The milestones, by day.</summary>
    public IReadOnlyList<ServicingMilestone> Milestones { get; }

    /// <summary>The class the measures put an account in, and the rule that did (null when performing).</summary>
    internal (RiskClass Class, ClassRule? Rule) Classify(int daysPastDue, int overdue, int consecutive)
    {
        RiskClass best = Performing;
        ClassRule? by = null;
        foreach (ClassRule rule in _rules)
        {
            int value = rule.Measure switch
            {
                DelinquencyMeasure.DaysPastDue => daysPastDue,
                DelinquencyMeasure.OverdueInstalments => overdue,
                _ => consecutive,
            };
            if (value >= rule.AtLeast && rule.Class.Rank > best.Rank)
            {
                best = rule.Class;
                by = rule;
            }
        }

        return (best, by);
    }

    /// <summary>True when both are the same scheme.</summary>
    /// <param name="other">The other scheme.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(RiskClassification? other) => other is not null && Name == other.Name && Performing == other.Performing
        && Sequences.Equal(Rules, other.Rules) && Sequences.Equal(Milestones, other.Milestones);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is RiskClassification other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Performing, Sequences.Hash(Rules));

    /// <summary>True when both are the same scheme.</summary>
    /// <param name="left">A scheme.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(RiskClassification? left, RiskClassification? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">A scheme.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(RiskClassification? left, RiskClassification? right) => !(left == right);

    /// <summary>The scheme's name.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Name;
}

/// <summary>Where an account stands in its classification as of a date, and what happens next if nothing is paid.</summary>
/// <param name="Class">The class.</param>
/// <param name="Rule">The rule that put the account in it, or null when performing.</param>
/// <param name="NextClass">The class the account moves to next if nothing is paid, or null when none is worse.</param>
/// <param name="NextRule">The rule that moves it.</param>
/// <param name="NextTransition">The date of that move, or null.</param>
/// <param name="MilestonesReached">The milestones the days past due have reached.</param>
/// <param name="NextMilestone">The next milestone if nothing is paid, or null.</param>
/// <param name="NextMilestoneDate">Its date, or null.</param>
public sealed record AccountClassification(
    RiskClass Class, ClassRule? Rule, RiskClass? NextClass, ClassRule? NextRule, LocalDate? NextTransition,
    IReadOnlyList<ServicingMilestone> MilestonesReached, ServicingMilestone? NextMilestone, LocalDate? NextMilestoneDate)
{
    /// <summary>True when both say the same.</summary>
    /// <param name="other">The other.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(AccountClassification? other) => other is not null && Class == other.Class && Rule == other.Rule
        && NextClass == other.NextClass && NextRule == other.NextRule && NextTransition == other.NextTransition
        && Sequences.Equal(MilestonesReached, other.MilestonesReached) && NextMilestone == other.NextMilestone && NextMilestoneDate == other.NextMilestoneDate;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Class, Rule, NextTransition, MilestonesReached.Count);
}
