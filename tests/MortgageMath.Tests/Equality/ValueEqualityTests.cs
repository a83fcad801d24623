using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;

namespace MortgageMath.Tests.Equality;

/// <summary>
/// <see cref="EqualityAssert"/> applied to every public value type of the library: each case builds equal values
/// independently (another instance, another decimal scale, a defaulted member set explicitly) and values that differ in
/// one member. <see cref="PublicTypeEqualityTests"/> checks that no public value type is missing here.
/// </summary>
public class ValueEqualityTests
{
    private static readonly LocalDate D = new(2024, 3, 20);

    private static readonly Rate R49 = Rate.Percent(4.9m);

    /// <summary>One check per public type with value equality (an abstract base type covers its hidden subclasses).</summary>
    internal static readonly IReadOnlyDictionary<Type, Action> Cases = new Dictionary<Type, Action>
    {
        // ---- rates and money
        [typeof(Rate)] = () => EqualityAssert.Consistent(
            R49, Rate.BasisPoints(490.00m), Rate.Percent(4.91m), Rate.Zero, Rate.Percent(-4.9m), Rate.Fraction(4.9m)),
        [typeof(Spread)] = () => EqualityAssert.Consistent(
            Spread.FromBasisPoints(-30m), Spread.Between(Rate.Percent(3.9m), Rate.Percent(4.20m)), Spread.FromBasisPoints(30m), Spread.Zero),
        [typeof(Percentage)] = () => EqualityAssert.Consistent(
            Percentage.Percent(3m), Percentage.Percent(3.000m), Percentage.Percent(2m), Percentage.Zero),
        [typeof(RoundingPolicy)] = () => EqualityAssert.Consistent(
            new RoundingPolicy(), new RoundingPolicy(2, RoundingMode.HalfUp), new RoundingPolicy(3), new RoundingPolicy(2, RoundingMode.HalfEven)),
        [typeof(Installment)] = InstallmentCase,
        [typeof(RateChange)] = () => EqualityAssert.Consistent(
            new RateChange(D, R49, RateChangeCauses.Repricing, RateIndex.Lpr5Y, Rate.Percent(4.2m), Spread.FromBasisPoints(70m)),
            new RateChange(D, Rate.Percent(4.90m), RateChangeCauses.Repricing, Lpr5YParsed(), Rate.BasisPoints(420m), Spread.FromBasisPoints(70.0m)),
            new RateChange(D, R49, RateChangeCauses.SpreadChange, RateIndex.Lpr5Y, Rate.Percent(4.2m), Spread.FromBasisPoints(70m)),
            new RateChange(D, R49, RateChangeCauses.Repricing, RateIndex.Lpr1Y, Rate.Percent(4.2m), Spread.FromBasisPoints(70m)),
            new RateChange(D, R49, RateChangeCauses.Repricing, RateIndex.Lpr5Y, Rate.Percent(4.2m), Spread.FromBasisPoints(70m), R49)),
        [typeof(RateSegment)] = () => EqualityAssert.Consistent(
            new RateSegment(D, D.PlusDays(12), R49), new RateSegment(D, D.PlusDays(12), Rate.Fraction(0.0490m)),
            new RateSegment(D, D.PlusDays(13), R49), new RateSegment(D.PlusDays(1), D.PlusDays(12), R49)),
        [typeof(RateFixing)] = () => EqualityAssert.Consistent(
            new RateFixing(RateIndex.Lpr5Y, D, Rate.Percent(3.95m), "pboc"), new RateFixing(Lpr5YParsed(), D, Rate.BasisPoints(395m), "pboc"),
            new RateFixing(RateIndex.Lpr5Y, D, Rate.Percent(3.95m), "user"), new RateFixing(RateIndex.Lpr1Y, D, Rate.Percent(3.95m), "pboc")),
        [typeof(RateIndex)] = () => EqualityAssert.Consistent(
            RateIndex.Custom("my-base", "My bank's base rate"), RateIndex.Custom("my-base", "described differently"),
            RateIndex.Custom("my-base-2", "My bank's base rate"), RateIndex.Lpr5Y),
        [typeof(RateTable)] = () => EqualityAssert.Consistent(
            RateTable.China.WithFixing(RateIndex.Lpr5Y, new LocalDate(2026, 4, 20), Rate.Percent(3.45m)),
            RateTable.China.WithFixing(RateIndex.Lpr5Y, new LocalDate(2026, 4, 20), Rate.BasisPoints(345m)),
            RateTable.China,
            RateTable.China.WithFixing(RateIndex.Lpr5Y, new LocalDate(2026, 4, 20), Rate.Percent(3.4m)),
            RateTable.China.WithFixing(RateIndex.Lpr5Y, new LocalDate(2026, 4, 20), Rate.Percent(3.45m), "bank"),
            RateTable.China.WithFixing(RateIndex.Lpr5Y, new LocalDate(2026, 4, 20), Rate.Percent(3.45m)).AssumingUnchangedUntil(new LocalDate(2027, 1, 1))),

        // ---- rate plans and rules
        [typeof(RatePlan)] = RatePlanCase,
        [typeof(RepricingRule)] = () =>
        {
            EqualityAssert.Consistent(
                RepricingRule.EveryMonths(3, D), RepricingRule.EveryMonths(3, new LocalDate(2024, 3, 20)),
                RepricingRule.EveryMonths(6, D), RepricingRule.EveryMonths(3), RepricingRule.EveryMonths(3, D.PlusDays(1)),
                RepricingRule.EveryJanuary1, RepricingRule.EveryAnniversary);
            EqualityAssert.Consistent(RepricingRule.EveryMonths(12), RepricingRule.EveryMonths(12), RepricingRule.EveryAnniversary);
            EqualityAssert.Laws(RepricingRule.EveryJanuary1);
            EqualityAssert.Unequal(RepricingRule.EveryJanuary1, RepricingRule.EveryAnniversary);
        },

        // ---- methods, options, penalties, rules
        [typeof(RepaymentMethod)] = () =>
        {
            EqualityAssert.Consistent(
                RepaymentMethod.Balloon(240), RepaymentMethod.Balloon(240),
                RepaymentMethod.Balloon(241), RepaymentMethod.EqualInstallment, RepaymentMethod.InterestFirst(240));
            EqualityAssert.Consistent(
                RepaymentMethod.InterestFirst(24, RepaymentMethod.EqualPrincipal, 1m),
                RepaymentMethod.InterestFirst(24, RepaymentMethod.EqualPrincipal, 1.00m),
                RepaymentMethod.InterestFirst(24, RepaymentMethod.EqualPrincipal),
                RepaymentMethod.InterestFirst(24, RepaymentMethod.EqualInstallment, 1m),
                RepaymentMethod.InterestFirst(25, RepaymentMethod.EqualPrincipal, 1m),
                RepaymentMethod.EqualPrincipal);
            EqualityAssert.Consistent(RepaymentMethod.InterestFirst(24), RepaymentMethod.InterestFirst(24, RepaymentMethod.EqualInstallment, 0.00m));
            EqualityAssert.Laws(RepaymentMethod.EqualInstallment);
            EqualityAssert.Unequal(RepaymentMethod.EqualInstallment, RepaymentMethod.EqualPrincipal);
            EqualityAssert.Unequal(RepaymentMethod.EqualInstallment, RepaymentMethod.InterestFirst(0));
        },
        [typeof(PrepaymentOption)] = () =>
        {
            EqualityAssert.Consistent(
                PrepaymentOption.NewTerm(120), PrepaymentOption.NewTerm(120),
                PrepaymentOption.NewTerm(121), PrepaymentOption.LowerPayment, PrepaymentOption.ShortenTerm, PrepaymentOption.ShortenTermKeepPayment);
            EqualityAssert.Laws(PrepaymentOption.ShortenTerm);
            EqualityAssert.Unequal(PrepaymentOption.ShortenTerm, PrepaymentOption.ShortenTermKeepPayment);
            EqualityAssert.Unequal(PrepaymentOption.LowerPayment, PrepaymentOption.ShortenTerm);
        },
        [typeof(PrepaymentPenalty)] = PenaltyCase,
        [typeof(PrepaymentRules)] = () => EqualityAssert.Consistent(
            PrepaymentRules.None with { MinimumAmount = 10_000m, AllowedAfterMonths = 12 },
            new PrepaymentRules { MinimumAmount = 10_000.00m, AllowedAfterMonths = 12 },
            PrepaymentRules.None,
            new PrepaymentRules { MinimumAmount = 10_000m, AllowedAfterMonths = 13 },
            new PrepaymentRules { MinimumAmount = 10_000m, AllowedAfterMonths = 12, MinimumPaymentMultiple = 6m }),

        // ---- events
        [typeof(LoanEvent)] = EventCase,
        [typeof(RateEvent)] = () => EqualityAssert.Consistent<RateEvent>(
            RateEvent.SpreadChange(D, Spread.FromBasisPoints(-30m)), RateEvent.SpreadChange(D, Spread.FromBasisPoints(-30.0m)),
            RateEvent.SpreadChange(D, Spread.FromBasisPoints(-31m)), RateEvent.FixedRate(D, R49)),
        [typeof(Prepayment)] = () => EqualityAssert.Consistent(
            Prepayment.Partial(D, 1_000m, PrepaymentOption.NewTerm(12)), Prepayment.Partial(D, 1_000.00m, PrepaymentOption.NewTerm(12)),
            Prepayment.Partial(D, 1_000.01m, PrepaymentOption.NewTerm(12)), Prepayment.Partial(D, 1_000m, PrepaymentOption.NewTerm(13)),
            Prepayment.Partial(D.PlusDays(1), 1_000m, PrepaymentOption.NewTerm(12)), Prepayment.Payoff(D)),
        [typeof(PaymentHoliday)] = () => EqualityAssert.Consistent(
            PaymentHoliday.On(D, SkippedInterest.Capitalized), PaymentHoliday.On(new LocalDate(2024, 3, 20), SkippedInterest.Capitalized),
            PaymentHoliday.On(D, SkippedInterest.CollectedLater), PaymentHoliday.On(D.PlusMonths(1), SkippedInterest.Capitalized)),

        // ---- restructuring (issue 13)
        [typeof(RestructuringEvent)] = () => EqualityAssert.Consistent<RestructuringEvent>(
            TermChange.Extend(D, 36), TermChange.Extend(new LocalDate(2024, 3, 20), 36, ExtensionLimits.ChinaHousing),
            TermChange.To(D, 36), MethodChange.To(D, RepaymentMethod.EqualInstallment), InterestOnlyPeriod.From(D, 36)),
        [typeof(TermChange)] = () => EqualityAssert.Consistent(
            TermChange.Extend(D, 36), TermChange.Extend(new LocalDate(2024, 3, 20), 36, new ExtensionLimits(true, 360)),
            TermChange.Extend(D, 35), TermChange.Extend(D.PlusMonths(1), 36), TermChange.Extend(D, 36, ExtensionLimits.None), TermChange.To(D, 36)),
        [typeof(MethodChange)] = () => EqualityAssert.Consistent(
            MethodChange.To(D, RepaymentMethod.EqualPrincipal), MethodChange.To(new LocalDate(2024, 3, 20), RepaymentMethod.Parse("equal-principal")),
            MethodChange.To(D, RepaymentMethod.EqualInstallment), MethodChange.To(D.PlusMonths(1), RepaymentMethod.EqualPrincipal)),
        [typeof(ArrearsCapitalization)] = () => EqualityAssert.Consistent(
            ArrearsCapitalization.On(D, 100m), ArrearsCapitalization.On(new LocalDate(2024, 3, 20), 100.00m),
            ArrearsCapitalization.On(D, 100.01m), ArrearsCapitalization.On(D.PlusMonths(1), 100m)),
        [typeof(PaymentDeferral)] = () => EqualityAssert.Consistent(
            PaymentDeferral.Of(D, 3), PaymentDeferral.Of(new LocalDate(2024, 3, 20), 3, 6),
            PaymentDeferral.Of(D, 2), PaymentDeferral.Of(D, 3, 12), PaymentDeferral.Of(D.PlusMonths(1), 3)),
        [typeof(InterestOnlyPeriod)] = () => EqualityAssert.Consistent(
            InterestOnlyPeriod.From(D, 6, 100m), InterestOnlyPeriod.From(new LocalDate(2024, 3, 20), 6, 100.00m, InterestOnlyResume.OverRemainingTerm, ExtensionLimits.ChinaHousing),
            InterestOnlyPeriod.From(D, 7, 100m), InterestOnlyPeriod.From(D, 6, 101m), InterestOnlyPeriod.From(D, 6, 100m, InterestOnlyResume.ToMaturity),
            InterestOnlyPeriod.From(D, 6, 100m, limits: ExtensionLimits.None), InterestOnlyPeriod.From(D.PlusMonths(1), 6, 100m)),
        [typeof(RepaymentDayChange)] = () => EqualityAssert.Consistent(
            RepaymentDayChange.From(D, 5), RepaymentDayChange.From(new LocalDate(2024, 3, 20), 5, 12),
            RepaymentDayChange.From(D, 6), RepaymentDayChange.From(D, 5, 0), RepaymentDayChange.From(D.PlusMonths(1), 5)),
        [typeof(ExtensionLimits)] = () => EqualityAssert.Consistent(
            ExtensionLimits.ChinaHousing, new ExtensionLimits(true, 360), new ExtensionLimits(false, 360), new ExtensionLimits(true, 480)),
        [typeof(RateMultiplier)] = () => EqualityAssert.Consistent(
            RateMultiplier.FromFactor(1.1m), RateMultiplier.Up(Percentage.Percent(10m)), RateMultiplier.FromFactor(1.10000001m),
            RateMultiplier.Down(Percentage.Percent(10m)), RateMultiplier.One),
        [typeof(Restructuring)] = () => EqualityAssert.Consistent(
            Restructuring.Compare(Tv1(), TermChange.Extend(new LocalDate(2025, 3, 20), 12, ExtensionLimits.None)),
            Restructuring.Compare(Tv1(), TermChange.Extend(new LocalDate(2025, 3, 20), 12, ExtensionLimits.None)),
            Restructuring.Compare(Tv1(), TermChange.Extend(new LocalDate(2025, 3, 20), 11, ExtensionLimits.None)),
            Restructuring.Compare(Tv1(), MethodChange.To(new LocalDate(2025, 3, 20), RepaymentMethod.EqualPrincipal))),

        // ---- loans
        [typeof(Loan)] = LoanCase,
        [typeof(MortgageMath.Specs.LoanDocument)] = () => EqualityAssert.Consistent(
            new MortgageMath.Specs.LoanDocument(Tv1(), "TV-1"), MortgageMath.Specs.LoanSpec.Parse(MortgageMath.Specs.LoanSpec.Write(new MortgageMath.Specs.LoanDocument(Tv1(), "TV-1"))),
            new MortgageMath.Specs.LoanDocument(Tv1()), new MortgageMath.Specs.LoanDocument(Tv1() with { Periods = 240 }, "TV-1"),
            new MortgageMath.Specs.LoanDocument(Combined(), "TV-1"),
            new MortgageMath.Specs.LoanDocument(Tv1(), "TV-1").WithAccount([], null),
            new MortgageMath.Specs.LoanDocument(Tv1(), "TV-1").WithAccount(null, MortgageMath.Servicing.OverduePolicy.UnitedStates)),
        [typeof(MortgageMath.Specs.SpecError)] = () => EqualityAssert.Consistent(
            new MortgageMath.Specs.SpecError("$.events[2].amount", "bad"), new MortgageMath.Specs.SpecError("$.events[2].amount", "bad"),
            new MortgageMath.Specs.SpecError("$.events[1].amount", "bad"), new MortgageMath.Specs.SpecError("$.events[2].amount", "worse"),
            new MortgageMath.Specs.SpecError("$", "bad") { Line = 1, Column = 1 }),
        [typeof(LoanLeg)] = () => EqualityAssert.Consistent(
            new LoanLeg("commercial", Tv1()), new LoanLeg("commercial", Tv1() with { Rates = RateTable.China }),
            new LoanLeg("Commercial", Tv1()), new LoanLeg("commercial", Tv1() with { Periods = 240 })),
        [typeof(CombinedLoan)] = () => EqualityAssert.Consistent(
            Combined(), Combined(),
            new CombinedLoan(Combined().Legs.Reverse()), Combined().WithLeg("commercial", l => l with { Principal = 700_000.01m }),
            new CombinedLoan(Combined().Legs[0])),

        // ---- schedules and results
        [typeof(Schedule)] = () => EqualityAssert.Consistent(
            Tv1().BuildSchedule(), (Tv1() with { Principal = 1_000_000.00m }).BuildSchedule(),
            (Tv1() with { Periods = 359 }).BuildSchedule(),
            (Tv1() with { Rates = RateTable.China.AssumingUnchangedUntil(new LocalDate(2070, 1, 1)) }).BuildSchedule()),
        [typeof(CombinedSchedule)] = () => EqualityAssert.Consistent(
            Combined().BuildSchedule(), Combined().BuildSchedule(),
            Combined().WithLeg("provident-fund", l => l with { Periods = 240 }).BuildSchedule()),
        [typeof(CombinedRow)] = () => EqualityAssert.Consistent(
            Combined().BuildSchedule()[0], Combined().BuildSchedule()[0], Combined().BuildSchedule()[1]),
        [typeof(LegInstallment)] = () => EqualityAssert.Consistent(
            Combined().BuildSchedule()[0].Rows[0], Combined().BuildSchedule()[0].Rows[0],
            Combined().BuildSchedule()[0].Rows[1], Combined().BuildSchedule()[1].Rows[0]),
        [typeof(LoanQuote)] = () => EqualityAssert.Consistent(
            Tv1().Quote(), Tv1().Quote(), (Tv1() with { Method = RepaymentMethod.EqualPrincipal }).Quote(), (Tv1() with { Periods = 240 }).Quote()),
        [typeof(CombinedQuote)] = () => EqualityAssert.Consistent(
            Combined().Quote(), Combined().Quote(), Combined().WithLeg("commercial", l => l with { Periods = 240 }).Quote()),
        [typeof(PayoffQuote)] = () => EqualityAssert.Consistent(
            Tv1().PayoffQuote(new LocalDate(2025, 1, 5)), Tv1().PayoffQuote(new LocalDate(2025, 1, 5)),
            Tv1().PayoffQuote(new LocalDate(2025, 1, 6)), (Tv1() with { PrepaymentPenalty = PrepaymentPenalty.MonthsOfInterest(1) }).PayoffQuote(new LocalDate(2025, 1, 5))),
        [typeof(PrepaymentQuote)] = () => EqualityAssert.Consistent(
            PrepaymentQuote.AfterPayment(Tv1(), 12, 100_000m, PrepaymentOption.ShortenTerm),
            PrepaymentQuote.AfterPayment(Tv1(), 12, 100_000.00m, PrepaymentOption.ShortenTerm),
            PrepaymentQuote.AfterPayment(Tv1(), 12, 100_000m, PrepaymentOption.LowerPayment),
            PrepaymentQuote.AfterPayment(Tv1(), 13, 100_000m, PrepaymentOption.ShortenTerm)),
        [typeof(PrepaymentComparison)] = () => EqualityAssert.Consistent(
            PrepaymentComparison.Strategies(Tv1(), new LocalDate(2025, 3, 20), 100_000m, PrepaymentOption.ShortenTerm)[0],
            PrepaymentComparison.Strategies(Tv1(), new LocalDate(2025, 3, 20), 100_000m, PrepaymentOption.ShortenTerm)[0],
            PrepaymentComparison.Strategies(Tv1(), new LocalDate(2025, 3, 20), 100_000m, PrepaymentOption.LowerPayment)[0],
            PrepaymentComparison.Compare(Tv1(), Tv1() with { Periods = 240 })),
        [typeof(PurchaseSplit)] = () => EqualityAssert.Consistent(
            Split(3_000_000m), Split(3_000_000m), Split(3_000_000.01m)),
        [typeof(ProvidentFundCap)] = () => EqualityAssert.Consistent(
            new ProvidentFundCap(100_000m, 10m, 800_000m), new ProvidentFundCap(100_000.00m, 10.0m, 800_000m),
            new ProvidentFundCap(100_000m, 10m, 800_000m) { LendingUnit = 10_000m }, new ProvidentFundCap(100_000m, 11m, 800_000m)),
        [typeof(LoanCashFlows)] = () => EqualityAssert.Consistent(
            LoanCashFlows.From(Tv1().BuildSchedule(), 1_000m), LoanCashFlows.From(Tv1().BuildSchedule(), 1_000.00m),
            LoanCashFlows.From(Tv1().BuildSchedule()), LoanCashFlows.From(Tv1().BuildSchedule(), 1_000m, 10m),
            new LoanCashFlows(999_000m, D, [(D.PlusMonths(1), 1_000_100m)])),
        [typeof(PbocAnnualizedRate)] = () => EqualityAssert.Consistent(
            MortgageMath.Analytics.Apr.Pboc(100_000m - 1_000m, Enumerable.Repeat(8_833.33m, 12).ToArray()),
            MortgageMath.Analytics.Apr.Pboc(99_000.00m, Enumerable.Repeat(8_833.330m, 12).ToArray()),
            MortgageMath.Analytics.Apr.Pboc(99_000m, Enumerable.Repeat(8_833.34m, 12).ToArray())),
        [typeof(RegZApr)] = () => EqualityAssert.Consistent(
            MortgageMath.Analytics.Apr.RegZSinglePayment(1_000m, D, 1_050m, D.PlusMonths(6)), MortgageMath.Analytics.Apr.RegZSinglePayment(1_000.00m, D, 1_050.0m, D.PlusMonths(6)),
            MortgageMath.Analytics.Apr.RegZSinglePayment(1_000m, D, 1_050.01m, D.PlusMonths(6)), MortgageMath.Analytics.Apr.RegZSinglePayment(1_000m, D, 1_050m, D.PlusMonths(3))),

        // ---- affordability
        [typeof(Borrower)] = () => EqualityAssert.Consistent(
            new Borrower(12_000m, 35), new Borrower(12_000.00m, 35), new Borrower(12_000m, 36), new Borrower(12_000m, 35) { RetirementAge = 60 }),
        [typeof(Household)] = () => EqualityAssert.Consistent(
            Household(), Household() with { MonthlyDebtPayments = 500.00m },
            Household() with { MonthlyDebtPayments = 501m },
            new Household(new Borrower(12_000m, 35)) { MonthlyDebtPayments = 500m },
            new Household(new Borrower(8_000m, 33), new Borrower(12_000m, 35)) { MonthlyDebtPayments = 500m }),
        [typeof(Purchase)] = () => EqualityAssert.Consistent(
            new Purchase(3_000_000m, 900_000m), new Purchase(3_000_000.00m, 900_000m), new Purchase(3_000_000m, 900_001m)),
        [typeof(AffordabilityRule)] = RuleCase,
        [typeof(AffordabilityPolicy)] = () => EqualityAssert.Consistent(
            AffordabilityPolicy.ChinaProvidentFund(20m, 1_000_000m), AffordabilityPolicy.ChinaProvidentFund(20.0m, 1_000_000.00m),
            AffordabilityPolicy.ChinaProvidentFund(20m, 1_000_000m, 65), AffordabilityPolicy.ChinaProvidentFund(20m, 1_000_000m).Named("other"),
            AffordabilityPolicy.ChinaProvidentFund(20m, 1_000_000m).Without("pf-max-term"), AffordabilityPolicy.ChinaCommercial),
        [typeof(AffordabilityReport)] = () => EqualityAssert.Consistent(
            Report(12_000m), Report(12_000.00m), Report(12_000.01m), Report(5_000m)),
        [typeof(RuleResult)] = () => EqualityAssert.Consistent(
            Report(12_000m).Results[0], Report(12_000m).Results[0], Report(12_000m).Results[1], Report(12_000.01m).Results[0]),
        [typeof(HighestPayment)] = () => EqualityAssert.Consistent(
            Report(12_000m).HighestPayment, Report(5_000m).HighestPayment,
            AffordabilityPolicy.ChinaCommercial.Evaluate(Household(), Tv1() with { Principal = 900_000m }).HighestPayment),
        [typeof(AffordabilitySolution)] = () => EqualityAssert.Consistent(
            AffordabilitySolver.MaxLoan(AffordabilityPolicy.ChinaCommercial, Household(), Tv1()),
            AffordabilitySolver.MaxLoan(AffordabilityPolicy.ChinaCommercial, Household(), Tv1() with { Principal = 1m }),
            AffordabilitySolver.MaxLoan(AffordabilityPolicy.ChinaCommercial, Household() with { MonthlyDebtPayments = 0m }, Tv1())),

        // ---- statements and tax
        [typeof(YearSummary)] = () => EqualityAssert.Consistent(
            new YearSummary(2024, 11_197.06m, 36_568.37m, 0m, 0m, 0m, 0m, 9, 988_802.94m),
            Tv1().BuildSchedule().YearSummary(2024),
            new YearSummary(2024, 11_197.06m, 36_568.37m, 0m, 0m, 0m, 0m, 8, 988_802.94m),
            new YearSummary(2024, 11_197.06m, 36_568.37m, 0m, 0.01m, 0m, 0m, 9, 988_802.94m),
            new YearSummary(2025, 11_197.06m, 36_568.37m, 0m, 0m, 0m, 0m, 9, 988_802.94m)),
        [typeof(HousingLoanInterestDeduction)] = () => EqualityAssert.Consistent(
            new HousingLoanInterestDeduction(2024, 9, Percentage.Percent(100m), 9_000m),
            new HousingLoanInterestDeduction(2024, 9, Percentage.Percent(100.0m), 9_000.00m),
            new HousingLoanInterestDeduction(2024, 9, Percentage.Percent(50m), 4_500m),
            new HousingLoanInterestDeduction(2024, 8, Percentage.Percent(100m), 9_000m),
            new HousingLoanInterestDeduction(2025, 9, Percentage.Percent(100m), 9_000m)),
        [typeof(HousingLoanInterestPolicy)] = () => EqualityAssert.Consistent(
            HousingLoanInterestPolicy.China, new HousingLoanInterestPolicy(1_000.00m, 240, HousingLoanInterestPolicy.China.Source),
            new HousingLoanInterestPolicy(1_000m, 120, HousingLoanInterestPolicy.China.Source),
            new HousingLoanInterestPolicy(1_500m, 240, HousingLoanInterestPolicy.China.Source),
            new HousingLoanInterestPolicy(1_000m, 240, "another source")),
        [typeof(MortgageInterestReportingPolicy)] = () => EqualityAssert.Consistent(
            MortgageInterestReportingPolicy.UnitedStates, new MortgageInterestReportingPolicy(600.00m, true, MortgageInterestReportingPolicy.UnitedStates.Source),
            new MortgageInterestReportingPolicy(600m, false, MortgageInterestReportingPolicy.UnitedStates.Source),
            new MortgageInterestReportingPolicy(601m, true, MortgageInterestReportingPolicy.UnitedStates.Source),
            new MortgageInterestReportingPolicy(600m, true, "another source")),
        [typeof(MortgageInterestStatement)] = () => EqualityAssert.Consistent(
            new MortgageInterestStatement(2025, 1_625m, 0m, 600m), new MortgageInterestStatement(2025, 1_625.00m, 0.00m, 600.00m),
            new MortgageInterestStatement(2025, 1_625m, 0.01m, 600m), new MortgageInterestStatement(2025, 1_625m, 0m, 601m),
            new MortgageInterestStatement(2024, 1_625m, 0m, 600m)),
        // ---- servicing (issue 12)
        [typeof(ReceivedPayment)] = () => EqualityAssert.Consistent(
            new ReceivedPayment(D, 5_307.27m), new ReceivedPayment(new LocalDate(2024, 3, 20), 5_307.270m),
            new ReceivedPayment(D, 5_307.28m), new ReceivedPayment(D.PlusDays(1), 5_307.27m)),
        [typeof(PenaltyRate)] = PenaltyRateCase,
        [typeof(LateFee)] = () =>
        {
            EqualityAssert.Consistent(
                LateFee.PercentOfOverdue(Percentage.Percent(5m), 50m), LateFee.PercentOfOverdue(Percentage.Percent(5.0m), 50.00m),
                LateFee.PercentOfOverdue(Percentage.Percent(5m)), LateFee.PercentOfOverdue(Percentage.Percent(4m), 50m),
                LateFee.PercentOfOverdue(Percentage.Percent(5m), 51m), LateFee.FlatAmount(50m), LateFee.None);
            EqualityAssert.Consistent(
                LateFee.FlatAmount(25m), LateFee.FlatAmount(25.00m),
                LateFee.FlatAmount(25.01m), LateFee.None);
            // A percent of 0% or a flat 0 charges nothing, like None: the same fee.
            EqualityAssert.Consistent(
                LateFee.None, LateFee.FlatAmount(0m), LateFee.FlatAmount(1m));
        },
        [typeof(AllocationOrder)] = () =>
        {
            EqualityAssert.Consistent(
                AllocationOrder.China,
                AllocationOrder.Create([AllocationBucket.Fees, AllocationBucket.PenaltyInterest,
                    AllocationBucket.CompoundInterest, AllocationBucket.Interest, AllocationBucket.Principal]),
                AllocationOrder.FannieMae, AllocationOrder.PenaltiesFeesInterestPrincipal,
                AllocationOrder.Create(AllocationOrder.China.Buckets, AllocationScope.BucketAcrossInstalments),
                AllocationOrder.Create([AllocationBucket.Fees, AllocationBucket.PenaltyInterest,
                    AllocationBucket.CompoundInterest, AllocationBucket.Principal, AllocationBucket.Interest]));
            EqualityAssert.Consistent(
                AllocationOrder.Parse("order(interest, principal, fees, penalty-interest, compound-interest; bucket-across-instalments)"),
                AllocationOrder.Create(AllocationOrder.FannieMae.Buckets, AllocationScope.BucketAcrossInstalments),
                AllocationOrder.FannieMae);
        },
        [typeof(ExcessPayment)] = () =>
        {
            EqualityAssert.Consistent(
                ExcessPayment.Prepay(PrepaymentOption.NewTerm(120)), ExcessPayment.Prepay(PrepaymentOption.NewTerm(120)),
                ExcessPayment.Prepay(PrepaymentOption.NewTerm(121)), ExcessPayment.Prepay(PrepaymentOption.LowerPayment),
                ExcessPayment.HoldAsCredit);
            EqualityAssert.Laws(ExcessPayment.HoldAsCredit);
            EqualityAssert.Equal(ExcessPayment.HoldAsCredit, ExcessPayment.Parse("hold"));
            EqualityAssert.Unequal(ExcessPayment.HoldAsCredit, ExcessPayment.Prepay(PrepaymentOption.ShortenTerm));
        },
        [typeof(RiskClass)] = () => EqualityAssert.Consistent(
            new RiskClass(1, "special-mention", "关注"), RiskClassification.ChinaClasses[1],
            new RiskClass(2, "special-mention", "关注"), new RiskClass(1, "watch", "关注"),
            new RiskClass(1, "special-mention", "watch")),
        [typeof(ClassRule)] = () => EqualityAssert.Consistent(
            RiskClassification.China2023.Rules[1],
            new ClassRule(new RiskClass(2, "substandard", "次级"), DelinquencyMeasure.DaysPastDue, 91, "金融资产风险分类办法 (NFRA/PBoC 2023) art. 11"),
            RiskClassification.China2023.Rules[1] with { AtLeast = 90 },
            RiskClassification.China2023.Rules[1] with { Measure = DelinquencyMeasure.OverdueInstalments },
            RiskClassification.China2023.Rules[1] with { Source = "other" },
            RiskClassification.China2023.Rules[2]),
        [typeof(ServicingMilestone)] = () => EqualityAssert.Consistent(
            RiskClassification.UsDelinquency.Milestones[0],
            new ServicingMilestone(36, "live contact with the borrower (early intervention)", "12 CFR 1024.39(a)"),
            new ServicingMilestone(37, "live contact with the borrower (early intervention)", "12 CFR 1024.39(a)"),
            new ServicingMilestone(36, "live contact", "12 CFR 1024.39(a)"),
            new ServicingMilestone(36, "live contact with the borrower (early intervention)", "12 CFR 1024.39(b)")),
        [typeof(RiskClassification)] = () =>
        {
            EqualityAssert.Consistent(
                RiskClassification.BankWarningLevels(), RiskClassification.BankWarningLevels(),
                RiskClassification.BankWarningLevels(RiskClassification.China2023.Rules[1]),
                RiskClassification.China2023, RiskClassification.UsDelinquency);
            EqualityAssert.Consistent(
                RiskClassification.UsDelinquency,
                RiskClassification.Create("us-delinquency", new RiskClass(0, "current", "current"),
                    RiskClassification.UsDelinquency.Rules, RiskClassification.UsDelinquency.Milestones.Reverse()),
                RiskClassification.Create("us-delinquency", new RiskClass(0, "current", "current"),
                    RiskClassification.UsDelinquency.Rules),
                RiskClassification.Create("us-delinquency", new RiskClass(0, "current", "current"),
                    RiskClassification.UsDelinquency.Rules.Skip(1), RiskClassification.UsDelinquency.Milestones),
                RiskClassification.Create("us", new RiskClass(0, "current", "current"),
                    RiskClassification.UsDelinquency.Rules, RiskClassification.UsDelinquency.Milestones));
        },
        [typeof(OverduePolicy)] = () => EqualityAssert.Consistent(
            OverduePolicy.China,
            new OverduePolicy
            {
                PenaltyRate = PenaltyRate.Markup(Percentage.Percent(50.0m)),
                CompoundInterest = true,
                DayCount = DayCount.Actual360,
                GraceDays = 0,
                LateFee = LateFee.None,
                Tolerance = 0.00m,
                Allocation = AllocationOrder.Parse("china"),
                Excess = ExcessPayment.Parse("hold"),
                Classification = RiskClassification.Preset("china-2023"),
            },
            OverduePolicy.China with { PenaltyRate = PenaltyRate.Markup(Percentage.Percent(30m)) },
            OverduePolicy.China with { CompoundInterest = false },
            OverduePolicy.China with { DayCount = DayCount.Actual365Fixed },
            OverduePolicy.China with { GraceDays = 3 },
            OverduePolicy.China with { LateFee = LateFee.FlatAmount(25m) },
            OverduePolicy.China with { Tolerance = 0.01m },
            OverduePolicy.China with { Allocation = AllocationOrder.FannieMae },
            OverduePolicy.China with { Excess = ExcessPayment.Prepay(PrepaymentOption.ShortenTerm) },
            OverduePolicy.China with { Classification = RiskClassification.UsDelinquency },
            OverduePolicy.UnitedStates),
        [typeof(Allocation)] = () => EqualityAssert.Consistent(
            new Allocation(1, D, AllocationBucket.Interest, 4_083.33m),
            new Allocation(1, new LocalDate(2024, 3, 20), AllocationBucket.Interest, 4_083.330m),
            new Allocation(2, D, AllocationBucket.Interest, 4_083.33m),
            new Allocation(1, D.PlusDays(1), AllocationBucket.Interest, 4_083.33m),
            new Allocation(1, D, AllocationBucket.Principal, 4_083.33m),
            new Allocation(1, D, AllocationBucket.Interest, 4_083.34m)),
        [typeof(PaymentApplication)] = PaymentApplicationCase,
        [typeof(AccountInstalment)] = () => EqualityAssert.Consistent(
            Late(5_000m).Instalments[0], Late(5_000.00m).Instalments[0], Late(5_000.01m).Instalments[0], Late(5_000m).Instalments[1],
            Late(5_000m, new LocalDate(2024, 5, 21)).Instalments[0], Tv1().Account([], new LocalDate(2024, 5, 20)).Instalments[0]),
        [typeof(AccountClassification)] = () => EqualityAssert.Consistent(
            Tv1().Account([], new LocalDate(2024, 5, 20)).Classification, Tv1().Account([], new LocalDate(2024, 5, 20)).Classification,
            Tv1().Account([], new LocalDate(2024, 8, 20)).Classification,
            Tv1().Account([], new LocalDate(2024, 5, 20), OverduePolicy.China with { Classification = RiskClassification.BankWarningLevels() }).Classification,
            Tv1().Account([], new LocalDate(2024, 5, 20), OverduePolicy.UnitedStates).Classification,
            Tv1().Account([], new LocalDate(2024, 4, 20)).Classification),
        [typeof(LoanAccount)] = () => EqualityAssert.Consistent(
            Late(5_000m), Late(5_000.00m), Late(5_000.01m), Late(5_000m, new LocalDate(2024, 5, 21)),
            (Tv1() with { Periods = 359 }).Account([new ReceivedPayment(new LocalDate(2024, 5, 1), 5_000m)], new LocalDate(2024, 5, 20)),
            Tv1().Account([new ReceivedPayment(new LocalDate(2024, 5, 1), 5_000m)], new LocalDate(2024, 5, 20), OverduePolicy.UnitedStates),
            Tv1().Account([new ReceivedPayment(new LocalDate(2024, 5, 1), 5_000m), new ReceivedPayment(new LocalDate(2024, 5, 2), 1m)], new LocalDate(2024, 5, 20))),
    };

    public static TheoryData<string> TypeNames => new(Cases.Keys.Select(t => t.FullName!).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(TypeNames))]
    public void Equality_is_consistent(string type) => Cases.Single(c => c.Key.FullName == type).Value();

    [Fact]
    public void Two_identical_loans_are_equal_and_hash_alike()
    {
        var a = new Loan(1_000_000m, Rate.Percent(4.9m), 360, D);
        var b = new Loan(1_000_000m, Rate.Percent(4.9m), 360, D);
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Single(new HashSet<Loan> { a, b });
    }

    [Fact]
    public void Events_compare_as_a_sequence_in_order()
    {
        Prepayment first = Prepayment.Partial(new LocalDate(2025, 3, 20), 100_000m, PrepaymentOption.ShortenTerm);
        PaymentHoliday second = PaymentHoliday.On(new LocalDate(2025, 6, 20), SkippedInterest.Capitalized);
        Loan a = Tv1() with { Events = [first, second] };
        Loan b = Tv1() with { Events = new List<LoanEvent> { Prepayment.Partial(new LocalDate(2025, 3, 20), 100_000.00m, PrepaymentOption.ShortenTerm), second } };
        Assert.Equal(a, b);
        Assert.NotEqual(a, Tv1() with { Events = [second, first] });
        Assert.NotEqual(a, Tv1() with { Events = [first] });
    }

    [Fact]
    public void A_row_at_other_decimal_places_with_the_same_amounts_is_equal_and_hashes_alike()
    {
        // 1200.00 at 2 places and 1200.000 at 3: the same amounts, so the same row (and the same hash).
        var twoPlaces = new Installment(1, D, R49, 120_000, 10_000, 4_900, 2);
        var threePlaces = new Installment(1, D, R49, 1_200_000, 100_000, 49_000, 3);
        Assert.Equal(1200.00m, twoPlaces.OpeningBalance);
        Assert.Equal(twoPlaces, threePlaces);
        Assert.Equal(twoPlaces.GetHashCode(), threePlaces.GetHashCode());
    }

    [Property(MaxTest = 500)]
    public Property Rows_equal_by_amount_hash_alike_at_any_decimal_places() =>
        Prop.ForAll(
            Arb.From(
                from opening in Gen.Choose(0, 1_000_000)
                from principal in Gen.Choose(0, 100_000)
                from interest in Gen.Choose(0, 100_000)
                from places in Gen.Choose(0, 2)
                from more in Gen.Choose(1, RoundingPolicy.MaxDecimalPlaces - 2)
                select (opening, principal, interest, places, more)),
            c =>
            {
                long scale = (long)Math.Pow(10, c.more);
                var a = new Installment(7, D, R49, c.opening, c.principal, c.interest, c.places);
                var b = new Installment(7, D, R49, c.opening * scale, c.principal * scale, c.interest * scale, c.places + c.more);
                EqualityAssert.Equal(a, b);
                EqualityAssert.Unequal(a, new Installment(7, D, R49, c.opening, c.principal, c.interest + 1, c.places));
            });

    private static void InstallmentCase()
    {
        RateSegment[] segments = [new(D.PlusDays(-31), D.PlusDays(-12), Rate.Percent(4.2m)), new(D.PlusDays(-12), D, Rate.Percent(3.95m))];
        EqualityAssert.Consistent(
            new Installment(1, D, R49, 120_000, 10_000, 4_900, 2),
            new Installment(1, D, Rate.Percent(4.90m), 1_200_000, 100_000, 49_000, 3),
            new Installment(2, D, R49, 120_000, 10_000, 4_900, 2),
            new Installment(1, D.PlusDays(1), R49, 120_000, 10_000, 4_900, 2),
            new Installment(1, D, Rate.Percent(5m), 120_000, 10_000, 4_900, 2),
            new Installment(1, D, R49, 120_001, 10_000, 4_900, 2),
            new Installment(1, D, R49, 120_000, 10_001, 4_900, 2),
            new Installment(1, D, R49, 120_000, 10_000, 4_901, 2),
            new Installment(1, D, R49, 120_000, 10_000, 4_900, 3),
            new Installment(1, D, R49, 120_000, 10_000, 4_900, 2, kind: InstallmentKind.Prepayment),
            new Installment(1, D, R49, 120_000, 10_000, 4_900, 2, kind: InstallmentKind.Prepayment, penalty: 1),
            new Installment(1, D, R49, 120_000, 0, 0, 2, kind: InstallmentKind.Holiday, deferred: 4_900),
            new Installment(1, D, R49, 120_000, 10_000, 4_900, 2, segments));
        EqualityAssert.Consistent(
            new Installment(1, D, R49, 120_000, 10_000, 4_900, 2, [.. segments]),
            new Installment(1, D, R49, 120_000, 10_000, 4_900, 2, [.. segments]),
            new Installment(1, D, R49, 120_000, 10_000, 4_900, 2, [segments[0]]));
        EqualityAssert.Consistent(
            new Installment(1, D, R49, 120_000, 0, 0, 2, kind: InstallmentKind.Holiday, deferred: 4_900, capitalized: true),
            new Installment(1, D, R49, 120_000, 0, 0, 2, kind: InstallmentKind.Holiday, deferred: 4_900, capitalized: true),
            new Installment(1, D, R49, 120_000, 0, 0, 2, kind: InstallmentKind.Holiday, deferred: 4_900));
    }

    private static void RatePlanCase()
    {
        RatePlan Floating(Spread spread, RepricingRule rule, Rate? floor) => RatePlan.Floating(RateIndex.Lpr5Y, spread, rule, floor);
        Spread minus30 = Spread.FromBasisPoints(-30m);
        EqualityAssert.Consistent(RatePlan.Fixed(R49), RatePlan.Fixed(Rate.BasisPoints(490m)), RatePlan.Fixed(Rate.Percent(4.8m)), Floating(minus30, RepricingRule.EveryJanuary1, null));
        EqualityAssert.Consistent(
            Floating(minus30, RepricingRule.EveryMonths(12, D), Rate.Percent(3.5m)),
            RatePlan.Floating(Lpr5YParsed(), Spread.FromBasisPoints(-30.00m), RepricingRule.EveryMonths(12, D), Rate.Percent(3.50m)),
            RatePlan.Floating(RateIndex.Lpr1Y, minus30, RepricingRule.EveryMonths(12, D), Rate.Percent(3.5m)),
            Floating(Spread.Zero, RepricingRule.EveryMonths(12, D), Rate.Percent(3.5m)),
            Floating(minus30, RepricingRule.EveryMonths(6, D), Rate.Percent(3.5m)),
            Floating(minus30, RepricingRule.EveryMonths(12, D), null),
            Floating(minus30, RepricingRule.EveryMonths(12, D), Rate.Percent(3.6m)));
        EqualityAssert.Consistent(
            RatePlan.ProvidentFund(RateIndex.ProvidentFundFirstHomeOver5Y),
            RatePlan.Floating(RateIndex.ProvidentFundFirstHomeOver5Y, Spread.Zero, RepricingRule.EveryJanuary1),
            RatePlan.ProvidentFund(RateIndex.ProvidentFundFirstHomeUpTo5Y));
        EqualityAssert.Consistent(
            RatePlan.Stepped(RatePlan.Fixed(Rate.Percent(3.2m)), 36, Floating(Spread.FromBasisPoints(10m), RepricingRule.EveryAnniversary, Rate.Percent(3.5m))),
            RatePlan.Stepped(RatePlan.Fixed(Rate.Percent(3.20m)), 36, Floating(Spread.FromBasisPoints(10m), RepricingRule.EveryAnniversary, Rate.Percent(3.5m))),
            RatePlan.Stepped(RatePlan.Fixed(Rate.Percent(3.2m)), 37, Floating(Spread.FromBasisPoints(10m), RepricingRule.EveryAnniversary, Rate.Percent(3.5m))),
            RatePlan.Stepped(RatePlan.Fixed(Rate.Percent(3.3m)), 36, Floating(Spread.FromBasisPoints(10m), RepricingRule.EveryAnniversary, Rate.Percent(3.5m))),
            RatePlan.Stepped(RatePlan.Fixed(Rate.Percent(3.2m)), 36, RatePlan.Fixed(Rate.Percent(3.5m))),
            RatePlan.Fixed(Rate.Percent(3.2m)));
    }

    private static void PenaltyCase()
    {
        Percentage P(decimal percent) => Percentage.Percent(percent);
        EqualityAssert.Laws(PrepaymentPenalty.None);
        EqualityAssert.Consistent(
            PrepaymentPenalty.PercentOfAmountByYear(P(3m), P(2m), P(1m)), PrepaymentPenalty.PercentOfAmountByYear(P(3.0m), P(2m), P(1m)),
            PrepaymentPenalty.PercentOfAmountByYear(P(3m), P(2m)), PrepaymentPenalty.PercentOfAmountByYear(P(3m), P(1m), P(2m)),
            PrepaymentPenalty.PercentOfAmountByYear(), PrepaymentPenalty.None);
        EqualityAssert.Consistent(
            PrepaymentPenalty.MonthsOfInterest(3, 2), PrepaymentPenalty.MonthsOfInterest(3, 2),
            PrepaymentPenalty.MonthsOfInterest(3), PrepaymentPenalty.MonthsOfInterest(2, 2), PrepaymentPenalty.MonthsOfInterest(3, 3));
        EqualityAssert.Consistent(
            PrepaymentPenalty.UkEarlyRepaymentCharge(P(10m), P(5m), P(4m)), PrepaymentPenalty.UkEarlyRepaymentCharge(P(10m), P(5m), P(4.00m)),
            PrepaymentPenalty.UkEarlyRepaymentCharge(P(5m), P(5m), P(4m)), PrepaymentPenalty.UkEarlyRepaymentCharge(P(10m), P(5m)),
            PrepaymentPenalty.PercentOfAmountByYear(P(5m), P(4m)));
        EqualityAssert.Consistent(
            PrepaymentPenalty.Sum(PrepaymentPenalty.PercentOfAmountByYear(P(2m)), PrepaymentPenalty.MonthsOfInterest(1, 1)),
            PrepaymentPenalty.Sum(PrepaymentPenalty.PercentOfAmountByYear(P(2m)), PrepaymentPenalty.MonthsOfInterest(1, 1)),
            PrepaymentPenalty.Sum(PrepaymentPenalty.MonthsOfInterest(1, 1), PrepaymentPenalty.PercentOfAmountByYear(P(2m))),
            PrepaymentPenalty.Sum(PrepaymentPenalty.PercentOfAmountByYear(P(2m))),
            PrepaymentPenalty.PercentOfAmountByYear(P(2m)));
        EqualityAssert.Consistent(
            PrepaymentPenalty.CheckedAgainstUsLimit(PrepaymentPenalty.MonthsOfInterest(3)),
            PrepaymentPenalty.CheckedAgainstUsLimit(PrepaymentPenalty.MonthsOfInterest(3)),
            PrepaymentPenalty.MonthsOfInterest(3),
            PrepaymentPenalty.CheckedAgainstUsLimit(PrepaymentPenalty.MonthsOfInterest(2)),
            PrepaymentPenalty.CheckedAgainstUsLimit(PrepaymentPenalty.CheckedAgainstUsLimit(PrepaymentPenalty.MonthsOfInterest(3))));
    }

    private static void EventCase()
    {
        RepricingRule rule = RepricingRule.EveryJanuary1;
        EqualityAssert.Consistent<LoanEvent>(
            RateEvent.SwitchToFloating(D, RateIndex.Lpr5Y, Spread.FromBasisPoints(10m), rule),
            RateEvent.SwitchToFloating(new LocalDate(2024, 3, 20), Lpr5YParsed(), Spread.FromBasisPoints(10.0m), RepricingRule.EveryJanuary1),
            RateEvent.SwitchToFloating(D, RateIndex.Lpr1Y, Spread.FromBasisPoints(10m), rule),
            RateEvent.SwitchToFloating(D, RateIndex.Lpr5Y, Spread.FromBasisPoints(11m), rule),
            RateEvent.SwitchToFloating(D, RateIndex.Lpr5Y, Spread.FromBasisPoints(10m), RepricingRule.EveryAnniversary),
            RateEvent.SwitchToFloating(D.PlusDays(1), RateIndex.Lpr5Y, Spread.FromBasisPoints(10m), rule),
            RateEvent.ConvertToLpr(D, rule, RateIndex.Lpr5Y),
            RateEvent.SpreadChange(D, Spread.FromBasisPoints(10m)),
            Prepayment.Payoff(D),
            PaymentHoliday.On(D, SkippedInterest.Capitalized));
        EqualityAssert.Consistent<LoanEvent>(
            RateEvent.ConvertToLpr(D, rule), RateEvent.ConvertToLpr(D, rule, RateIndex.Lpr5Y, new LocalDate(2019, 12, 31)),
            RateEvent.ConvertToLpr(D, rule, RateIndex.Lpr5Y, new LocalDate(2019, 12, 30)),
            RateEvent.ConvertToLpr(D, rule, RateIndex.Lpr1Y),
            RateEvent.ConvertToLpr(D, RepricingRule.EveryAnniversary));
        EqualityAssert.Consistent<LoanEvent>(
            RateEvent.FixedRate(D, R49), RateEvent.FixedRate(D, Rate.Percent(4.90m)), RateEvent.FixedRate(D, Rate.Percent(4.8m)),
            RateEvent.FixedRate(D.PlusDays(1), R49));
        EqualityAssert.Consistent<LoanEvent>(
            Prepayment.Payoff(D), Prepayment.Payoff(new LocalDate(2024, 3, 20)),
            Prepayment.Partial(D, 1_000m, PrepaymentOption.LowerPayment), Prepayment.Payoff(D.PlusDays(1)));
    }

    private static void LoanCase()
    {
        Loan a = Tv1() with { Events = [Prepayment.Partial(new LocalDate(2025, 3, 20), 100_000m, PrepaymentOption.ShortenTerm)] };
        Loan b = new Loan(1_000_000.00m, RatePlan.Fixed(Rate.BasisPoints(490m)), 360, new LocalDate(2024, 3, 20))
        {
            Events = [Prepayment.Partial(new LocalDate(2025, 3, 20), 100_000m, PrepaymentOption.ShortenTerm)],
            Rates = RateTable.China,
            Method = RepaymentMethod.EqualInstallment,
            Rounding = new RoundingPolicy(2, RoundingMode.HalfUp),
            PrepaymentPenalty = PrepaymentPenalty.None,
            PrepaymentRules = new PrepaymentRules(),
        };
        EqualityAssert.Consistent(
            a, b,
            a with { Principal = 1_000_000.01m },
            a with { RatePlan = RatePlan.Fixed(Rate.Percent(4.8m)) },
            a with { Rates = RateTable.China.AssumingUnchangedUntil(new LocalDate(2070, 1, 1)) },
            a with { Events = [] },
            a with { Events = [Prepayment.Partial(new LocalDate(2025, 3, 20), 100_000m, PrepaymentOption.LowerPayment)] },
            a with { RateChangeInterest = RateChangeInterest.NewRateForWholePeriod },
            a with { PrepaymentInterest = PrepaymentInterest.None },
            a with { PrepaymentPenalty = PrepaymentPenalty.MonthsOfInterest(1) },
            a with { PrepaymentRules = new PrepaymentRules { AllowedAfterMonths = 1 } },
            a with { Periods = 359 },
            a with { Disbursement = D.PlusDays(1) },
            a with { RepaymentDay = 20 },
            a with { FirstDueDate = new LocalDate(2024, 4, 20) },
            a with { Method = RepaymentMethod.EqualPrincipal },
            a with { Rounding = new RoundingPolicy(2, RoundingMode.Truncate) },
            a with { DayCount = DayCount.Actual365Fixed },
            a with { OddFirstPeriod = OddFirstPeriodPolicy.KeepRegularPayment });
    }

    private static void RuleCase()
    {
        Percentage P(decimal percent) => Percentage.Percent(percent);
        EqualityAssert.Consistent(
            AffordabilityRule.HousingPaymentToIncome("housing", P(50m), "source"), AffordabilityRule.HousingPaymentToIncome("housing", P(50.0m), "source"),
            AffordabilityRule.DebtPaymentsToIncome("housing", P(50m), "source"), AffordabilityRule.HousingPaymentToIncome("housing", P(49m), "source"),
            AffordabilityRule.HousingPaymentToIncome("housing2", P(50m), "source"), AffordabilityRule.HousingPaymentToIncome("housing", P(50m), "other source"));
        EqualityAssert.Consistent(
            AffordabilityRule.AgePlusTerm("age", 70, "s"), AffordabilityRule.AgePlusTerm("age", 70, "s", AgeBasis.MainBorrower),
            AffordabilityRule.AgePlusTerm("age", 70, "s", AgeBasis.OldestBorrower), AffordabilityRule.AgePlusTerm("age", 65, "s"),
            AffordabilityRule.TermWithinRetirement("age", 70, "s"), AffordabilityRule.MaxTerm("age", 70, "s"));
        EqualityAssert.Consistent(
            AffordabilityRule.TermWithinRetirement("r", 60, "s"), AffordabilityRule.TermWithinRetirement("r", 60, "s"),
            AffordabilityRule.TermWithinRetirement("r", 63, "s"));
        EqualityAssert.Consistent(AffordabilityRule.MaxTerm("t", 30, "s"), AffordabilityRule.MaxTerm("t", 30, "s"), AffordabilityRule.MaxTerm("t", 25, "s"));
        EqualityAssert.Consistent(
            AffordabilityRule.MinDownPayment("d", P(15m), "s"), AffordabilityRule.MinDownPayment("d", P(15.00m), "s"),
            AffordabilityRule.MaxLoanToValue("d", P(15m), "s"), AffordabilityRule.MinDownPayment("d", P(20m), "s"));
        EqualityAssert.Consistent(
            AffordabilityRule.ProvidentFundBalanceMultiple("m", 20m, "s"), AffordabilityRule.ProvidentFundBalanceMultiple("m", 20.0m, "s"),
            AffordabilityRule.ProvidentFundCityCap("m", 20m, "s"), AffordabilityRule.ProvidentFundBalanceMultiple("m", 15m, "s"));
    }

    private static void PenaltyRateCase()
    {
        EqualityAssert.Consistent(
            PenaltyRate.ChinaDefault, PenaltyRate.Markup(Percentage.Percent(50.00m)),
            PenaltyRate.Markup(Percentage.Percent(30m)), PenaltyRate.Plus(Spread.FromBasisPoints(50m)),
            PenaltyRate.Fixed(Rate.Percent(50m)), PenaltyRate.None);
        EqualityAssert.Consistent(
            PenaltyRate.Plus(Spread.FromBasisPoints(300m)), PenaltyRate.Plus(Spread.FromBasisPoints(300.0m)),
            PenaltyRate.Plus(Spread.FromBasisPoints(301m)), PenaltyRate.Fixed(Rate.BasisPoints(300m)));
        EqualityAssert.Consistent(
            PenaltyRate.Fixed(Rate.Percent(18m)), PenaltyRate.Fixed(Rate.BasisPoints(1_800.00m)),
            PenaltyRate.Fixed(Rate.Percent(18.01m)), PenaltyRate.None);
        // fixed(0%) charges what none charges, but None is the named "no penalty interest" rule and prints as "none".
        EqualityAssert.Laws(PenaltyRate.None);
        EqualityAssert.Equal(PenaltyRate.None, PenaltyRate.Parse("none"));
        EqualityAssert.Unequal(PenaltyRate.None, PenaltyRate.Fixed(Rate.Zero));
    }

    private static void PaymentApplicationCase()
    {
        Allocation[] allocations = [.. Late(5_000m).Ledger[0].Allocations];
        EqualityAssert.Consistent(
            Late(5_000m).Ledger[0], Late(5_000.00m).Ledger[0], Late(5_000.01m).Ledger[0],
            Late(5_000m).Ledger[0] with { PaymentIndex = null }, Late(5_000m).Ledger[0] with { Date = D },
            Late(5_000m).Ledger[0] with { FromCredit = 1m }, Late(5_000m).Ledger[0] with { Allocations = allocations[1..] },
            Late(5_000m).Ledger[0] with { Allocations = [.. allocations.Reverse()] },
            Late(5_000m).Ledger[0] with { Prepaid = 1m }, Late(5_000m).Ledger[0] with { ToCredit = 1m }, Late(5_000m).Ledger[0] with { Note = "held" });
        // The allocations compare as a sequence, not by reference.
        EqualityAssert.Equal(Late(5_000m).Ledger[0], Late(5_000m).Ledger[0] with { Allocations = [.. allocations] });
    }

    /// <summary>TV-1 with 5,000 (less than the 5,307.27 due on 2024-04-20) paid on 2024-05-01, as of 2024-05-20 by default.</summary>
    private static LoanAccount Late(decimal amount, LocalDate? asOf = null) =>
        Tv1().Account([new ReceivedPayment(new LocalDate(2024, 5, 1), amount)], asOf ?? new LocalDate(2024, 5, 20));

    private static RateIndex Lpr5YParsed() => RateIndex.TryParse("LPR5Y", out RateIndex? index) ? index : throw new InvalidOperationException();

    private static Loan Tv1() => new(1_000_000m, Rate.Percent(4.9m), 360, new LocalDate(2024, 3, 20));

    private static CombinedLoan Combined()
    {
        var disbursed = new LocalDate(2025, 6, 20);
        return new CombinedLoan(
            new LoanLeg("commercial", new Loan(700_000m, Rate.Percent(3.05m), 360, disbursed)),
            new LoanLeg("provident-fund", new Loan(300_000m, Rate.Percent(2.6m), 360, disbursed)));
    }

    private static PurchaseSplit Split(decimal price)
    {
        var disbursed = new LocalDate(2025, 6, 20);
        return CombinedLoan.SplitPurchase(price, 900_000m, new ProvidentFundCap(100_000m, 10m, 800_000m),
            new Loan(1m, Rate.Percent(3.05m), 360, disbursed), new Loan(1m, Rate.Percent(2.6m), 360, disbursed));
    }

    private static Household Household() => new(new Borrower(12_000m, 35), new Borrower(8_000m, 33)) { MonthlyDebtPayments = 500m };

    private static AffordabilityReport Report(decimal income) =>
        AffordabilityPolicy.ChinaCommercial.Evaluate(new Household(new Borrower(income, 35)), Tv1(), new Purchase(1_500_000m, 500_000m));
}
