using System.Globalization;
using MortgageMath.Servicing;
using MortgageMath.Tests.Servicing.Reference;
using NodaTime;

namespace MortgageMath.Tests.Servicing;

/// <summary>
/// The struct-array account builder (issue 12's speed goal) against the builder it replaced, kept verbatim as
/// <see cref="ReferenceAccountBuilder"/>: over a few thousand random accounts — random loans (both methods, every
/// rounding, 1–360 months, some with a rate change, a payment holiday, a payment deferral, an arrears capitalization or a scheduled prepayment), random payment records
/// (missing, on time, early, late, partial and made up later, split, excess, out of order, after the as-of date, and now
/// and then one the account refuses) and random policies (China and US presets and mixtures of every option: penalty
/// rates, compound on/off, both day counts, grace, late fees, tolerance, allocation orders and scopes, excess held or
/// prepaid, each classification) — every figure of the account is the same, to the decimal's scale, and so is every
/// refusal (the same exception, message and payment). The builder's first walk moves only the instalments (with
/// common-day paths for a due date or a payment day that settles the one instalment open) and its ledger is made by
/// replaying the walk, recording, when first read: the ledger, the instalments and the totals are compared in both
/// orders of first reads.
/// </summary>
public class AccountDifferentialTests
{
    private const int AccountsPerSeed = 500;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void The_rewrite_gives_the_same_accounts_as_the_reference(int seed)
    {
        var random = new Random(seed);
        int built = 0, refused = 0;
        for (int n = 0; n < AccountsPerSeed; n++)
        {
            (Loan loan, List<ReceivedPayment> payments, LocalDate asOf, OverduePolicy policy) = RandomCase(random);
            string at = $"seed {seed} case {n}: {loan} ({string.Join(", ", loan.Events)}); as of {asOf}; {policy}; payments [{string.Join(", ", payments)}]";
            Exception? expectedError = null;
            ReferenceAccount? expected = null;
            try
            {
                expected = ReferenceAccountBuilder.Build(loan, payments, asOf, policy);
            }
            catch (Exception e)
            {
                expectedError = e;
            }

            Exception? actualError = null;
            LoanAccount? actual = null;
            try
            {
                actual = loan.Account(payments, asOf, policy);
            }
            catch (Exception e)
            {
                actualError = e;
            }

            if (expectedError is not null || actualError is not null)
            {
                Assert.True(expectedError is not null && actualError is not null, $"one refused, one did not: {expectedError?.Message ?? actualError?.Message}; {at}");
                Assert.True(expectedError!.GetType() == actualError!.GetType() && expectedError.Message == actualError.Message,
                    $"{expectedError.GetType().Name} {expectedError.Message} vs {actualError.GetType().Name} {actualError.Message}; {at}");
                if (expectedError is PaymentRecordException pe && actualError is PaymentRecordException pa)
                {
                    Assert.True((pe.PaymentIndex, pe.Problem, pe.PaymentDate, pe.PaymentAmount) == (pa.PaymentIndex, pa.Problem, pa.PaymentDate, pa.PaymentAmount), at);
                }

                refused++;
                continue;
            }

            Same(expected!, actual!, at, payoff: n % 10 == 0, ledgerFirst: n % 2 == 1);
            built++;
        }

        // the generator must produce mostly real accounts, and some refusals
        Assert.True(built > AccountsPerSeed * 8 / 10, $"only {built} accounts built ({refused} refused)");
    }

    /// <summary>The builder reads a payment's minor units with <see cref="FixedPoint.TryToMinor"/>, which reads the usual
    /// amounts from the decimal's bits; it answers as decimal arithmetic does (the amount × 10^places, accepted when
    /// whole and within a long), for every scale, sign and size.</summary>
    [Fact]
    public void Minor_units_from_the_decimal_bits_are_those_of_decimal_arithmetic()
    {
        var random = new Random(7);
        decimal[] edges = [0m, 0.00m, 1m, 1.0000m, 0.1m, 0.01m, 0.001m, 0.0001m, 0.00001m, 12.345m, 12.3450m, 1_000_000_000_000m, 1_000_000_000_000.0000m,
            1_099_511_627_776m, 1_099_511_627_777m, 109_951_162_777.6m, -5m, -0.01m, decimal.MaxValue, 7.9228162514264337593543950335m];
        IEnumerable<decimal> amounts = edges.Concat(Enumerable.Range(0, 20_000).Select(_ =>
            new decimal(random.Next(), random.Next(4) == 0 ? random.Next() : random.Next(300), random.Next(20) == 0 ? random.Next(3) : 0, random.Next(10) == 0, (byte)random.Next(0, 9))));
        foreach (decimal amount in amounts)
        {
            for (int places = 0; places <= RoundingPolicy.MaxDecimalPlaces; places++)
            {
                (bool, long) Or(Func<(bool, long)> f)
                {
                    try
                    {
                        return f();
                    }
                    catch (OverflowException)
                    {
                        return (false, 0); // beyond decimal's range once scaled: refused (TryToMinor refuses, it does not throw)
                    }
                }

                (bool expected, long e) = Or(() => (FixedPoint.TryToMinor(amount, places, out long m), m));
                (bool actual, long a) = Or(() =>
                {
                    decimal scaled = amount * FixedPoint.Pow10[places];
                    bool whole = scaled == decimal.Truncate(scaled) && scaled <= long.MaxValue && scaled >= long.MinValue;
                    return (whole, whole ? (long)scaled : 0);
                });
                Assert.True(expected == actual && e == a, $"{amount} at {places} places: {expected}/{e} vs {actual}/{a}");
            }
        }
    }

    /// <summary>Every figure of the two accounts. The account makes its ledger when it is first read, by replaying the
    /// walk (its first walk records no ledger line): <paramref name="ledgerFirst"/> reads it before anything else, so
    /// that both orders of first reads are compared.</summary>
    private static void Same(ReferenceAccount e, LoanAccount a, string at, bool payoff, bool ledgerFirst)
    {
        if (ledgerFirst)
        {
            Assert.True(e.Ledger.Count == a.Ledger.Count, $"ledger read first: {e.Ledger.Count} vs {a.Ledger.Count} lines: {at}");
        }

        Assert.True(e.Loan == a.Loan, $"loan: {at}");
        Assert.True(e.AsOf == a.AsOf && e.Policy == a.Policy && e.PaymentsAfterAsOf == a.PaymentsAfterAsOf, $"as of, policy, after: {at}");
        Assert.True(e.Payments.SequenceEqual(a.Payments), $"payments: {at}");
        Assert.True(e.Schedule == a.Schedule, $"schedule: {at}");
        Assert.True(e.Instalments.Count == a.Instalments.Count, $"{e.Instalments.Count} vs {a.Instalments.Count} instalments: {at}");
        for (int k = 0; k < e.Instalments.Count; k++)
        {
            Assert.True(e.Instalments[k] == a.Instalments[k] && e.Instalments[k].ToString() == a.Instalments[k].ToString(),
                $"instalment {k}: {e.Instalments[k]} vs {a.Instalments[k]}; {at}");
        }

        Assert.True(e.Ledger.Count == a.Ledger.Count, $"{e.Ledger.Count} vs {a.Ledger.Count} ledger lines: {at}");
        for (int k = 0; k < e.Ledger.Count; k++)
        {
            PaymentApplication x = e.Ledger[k], y = a.Ledger[k];
            Assert.True(x == y && x.ToString() == y.ToString() && x.Allocations.GetType() == y.Allocations.GetType()
                && x.Allocations.Select(Text).SequenceEqual(y.Allocations.Select(Text)),
                $"ledger line {k}: {x} [{string.Join("; ", x.Allocations)}] vs {y} [{string.Join("; ", y.Allocations)}]; {at}");
        }

        (string Name, decimal Expected, decimal Actual)[] amounts =
        [
            ("credit", e.Credit, a.Credit),
            ("overdue principal", e.OverduePrincipal, a.OverduePrincipal),
            ("overdue interest", e.OverdueInterest, a.OverdueInterest),
            ("penalty interest", e.PenaltyInterest, a.PenaltyInterest),
            ("compound interest", e.CompoundInterest, a.CompoundInterest),
            ("fees", e.Fees, a.Fees),
            ("penalty accrued", e.PenaltyInterestAccrued, a.PenaltyInterestAccrued),
            ("compound accrued", e.CompoundInterestAccrued, a.CompoundInterestAccrued),
            ("late fees charged", e.LateFeesCharged, a.LateFeesCharged),
        ];
        foreach ((string name, decimal x, decimal y) in amounts)
        {
            Assert.True(x == y && Text(x) == Text(y), $"{name}: {Text(x)} vs {Text(y)}; {at}");
        }

        Assert.True((e.DaysPastDue, e.OverdueSince, e.OverdueInstalments, e.ConsecutiveOverdueInstalments)
            == (a.DaysPastDue, a.OverdueSince, a.OverdueInstalments, a.ConsecutiveOverdueInstalments), $"delinquency: {at}");
        Assert.True(e.Classification == a.Classification && e.Classification.ToString() == a.Classification.ToString()
            && e.Classification.MilestonesReached.SequenceEqual(a.Classification.MilestonesReached),
            $"classification: {e.Classification} vs {a.Classification}; {at}");
        if (payoff)
        {
            PayoffQuote quote = e.Payoff();
            Assert.True(quote == a.PayoffQuote && quote.ToString() == a.PayoffQuote.ToString(), $"payoff: {quote} vs {a.PayoffQuote}; {at}");
        }
    }

    private static string Text(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    private static string Text(Allocation a) => a.ToString();

    private static (Loan Loan, List<ReceivedPayment> Payments, LocalDate AsOf, OverduePolicy Policy) RandomCase(Random random)
    {
        Loan loan = RandomLoan(random);
        Installment[] rows = [.. loan.BuildSchedule().Where(r => r.Payment > 0m)];
        int places = loan.Rounding.DecimalPlaces;
        decimal minorUnit = loan.Rounding.MinorUnit;
        var payments = new List<ReceivedPayment>();

        // An account usually stops before the last instalment (a payment after the loan is repaid is refused), sometimes not.
        int covered = random.Next(10) == 0 ? rows.Length : random.Next(rows.Length);
        for (int k = 0; k < covered; k++)
        {
            Installment row = rows[k];
            decimal due = row.Payment;
            LocalDate Late(int maxDays) => row.DueDate.PlusDays(random.Next(1, maxDays + 1));
            decimal Part(int minPercent, int maxPercent) =>
                Math.Max(minorUnit, Math.Round(due * random.Next(minPercent, maxPercent + 1) / 100m, places, MidpointRounding.AwayFromZero));
            switch (random.Next(20))
            {
                case 0 or 1:
                    break; // missing
                case 2 or 3 or 4 or 5 or 6 or 7:
                    payments.Add(new ReceivedPayment(row.DueDate, due));
                    break;
                case 8:
                    LocalDate early = row.DueDate.PlusDays(-random.Next(1, 25));
                    payments.Add(new ReceivedPayment(early < loan.Disbursement ? loan.Disbursement : early, due));
                    break;
                case 9 or 10 or 11:
                    payments.Add(new ReceivedPayment(Late(random.Next(2) == 0 ? 20 : 200), Part(10, 130)));
                    break;
                case 12 or 13:
                    decimal part = Part(5, 95);
                    payments.Add(new ReceivedPayment(row.DueDate, part));
                    if (random.Next(3) > 0)
                    {
                        payments.Add(new ReceivedPayment(Late(40), due - part + Part(0, 5)));
                    }

                    break;
                case 14:
                    decimal half = Part(50, 50);
                    payments.Add(new ReceivedPayment(row.DueDate, half));
                    payments.Add(new ReceivedPayment(row.DueDate, Math.Max(minorUnit, due - half)));
                    break;
                case 15 or 16:
                    payments.Add(new ReceivedPayment(random.Next(2) == 0 ? row.DueDate : Late(15), Part(101, 350)));
                    break;
                case 17:
                    payments.Add(new ReceivedPayment(row.DueDate.PlusDays(random.Next(-5, 60)) is var d && d < loan.Disbursement ? loan.Disbursement : d, Part(1, 60)));
                    break;
                case 18:
                    // an odd amount: sometimes finer than the loan's rounding keeps (refused)
                    decimal odd = due + (random.Next(200) == 0 ? 0.00001m : 0m);
                    payments.Add(new ReceivedPayment(Late(10), odd));
                    break;
                default:
                    payments.Add(new ReceivedPayment(row.DueDate, due)); // and one more, another day
                    payments.Add(new ReceivedPayment(row.DueDate.PlusDays(random.Next(1, 20)), Part(1, 30)));
                    break;
            }
        }

        if (random.Next(300) == 0)
        {
            payments.Insert(random.Next(payments.Count + 1), new ReceivedPayment(loan.Disbursement.PlusDays(-1), 10m)); // refused
        }

        if (random.Next(4) == 0)
        {
            // given out of order: the account sorts by date, keeping the order given within a day
            for (int k = payments.Count - 1; k > 0; k--)
            {
                int j = random.Next(k + 1);
                (payments[k], payments[j]) = (payments[j], payments[k]);
            }
        }

        LocalDate last = rows.Length == 0 ? loan.Disbursement : rows[Math.Max(0, covered - 1)].DueDate;
        LocalDate asOf = random.Next(8) switch
        {
            0 => loan.Disbursement.PlusDays(random.Next(0, 40)),
            1 => rows[^1].DueDate.PlusDays(random.Next(0, 400)),
            _ => last.PlusDays(random.Next(-30, 200)),
        };
        if (asOf < loan.Disbursement)
        {
            asOf = loan.Disbursement;
        }

        return (loan, payments, asOf, RandomPolicy(random));
    }

    private static Loan RandomLoan(Random random)
    {
        int places = random.Next(6) switch { 0 => 0, 1 => 3, 2 => 4, _ => 2 };
        RoundingMode mode = random.Next(5) switch { 0 => RoundingMode.HalfEven, 1 => RoundingMode.Truncate, _ => RoundingMode.HalfUp };
        decimal principal = random.Next(4) switch
        {
            0 => random.Next(1, 5_000),
            1 => 1_000_000m,
            _ => random.Next(10_000, 3_000_000) + (random.Next(100) / 100m),
        };
        principal = Math.Round(principal, places, MidpointRounding.ToZero);
        if (principal <= 0m)
        {
            principal = 1m;
        }

        Rate rate = random.Next(10) == 0 ? Rate.Zero : Rate.BasisPoints(random.Next(1, 2400) + (random.Next(4) == 0 ? random.Next(100) / 100m : 0m));
        int periods = random.Next(10) switch { 0 => 360, 1 => random.Next(61, 240), 2 => 1, _ => random.Next(2, 61) };
        var disbursement = new LocalDate(random.Next(1990, 2040), random.Next(1, 13), random.Next(1, 29));
        var loan = new Loan(principal, rate, periods, disbursement)
        {
            Method = random.Next(3) == 0 ? RepaymentMethod.EqualPrincipal : RepaymentMethod.EqualInstallment,
            Rounding = new RoundingPolicy(places, mode),
            RepaymentDay = random.Next(3) == 0 ? random.Next(1, 32) : null,
            DayCount = random.Next(4) == 0 ? DayCount.Actual365Fixed : DayCount.Actual360,

            // a penalty that reads the balance at the loan year's start back (the loop asks the sink for it)
            PrepaymentPenalty = random.Next(5) switch
            {
                0 => PrepaymentPenalty.UkEarlyRepaymentCharge(Percentage.Percent(10), Percentage.Percent(3), Percentage.Percent(2)),
                1 => PrepaymentPenalty.MonthsOfInterest(2),
                _ => PrepaymentPenalty.None,
            },
        };

        if (periods >= 6 && random.Next(3) == 0)
        {
            Installment[] rows = [.. loan.BuildSchedule()];
            LocalDate on = rows[random.Next(1, rows.Length - 2)].DueDate;
            LoanEvent loanEvent = random.Next(5) switch
            {
                0 => RateEvent.FixedRate(on.PlusDays(-random.Next(0, 20)), Rate.BasisPoints(random.Next(100, 1500))),
                1 => PaymentHoliday.On(on, SkippedInterest.Capitalized),
                2 => PaymentDeferral.Of(on, random.Next(1, 4)),
                3 => ArrearsCapitalization.On(on, Math.Max(loan.Rounding.MinorUnit, Math.Round(rows[0].Payment * random.Next(1, 300) / 100m, places, MidpointRounding.ToZero))),
                _ => Prepayment.Partial(on.PlusDays(-random.Next(0, 10)), Math.Round(principal / 10m, places, MidpointRounding.ToZero) is var p && p > 0m ? p : principal,
                    random.Next(2) == 0 ? PrepaymentOption.LowerPayment : PrepaymentOption.ShortenTerm),
            };
            try
            {
                Loan withEvent = loan with { Events = [loanEvent] };
                _ = withEvent.BuildSchedule();
                loan = withEvent;
            }
            catch (Exception e) when (e is ArgumentException or LoanEventException or PrepaymentRuleViolationException or InvalidOperationException)
            {
                // the event does not fit this loan: the loan without it
            }
        }

        return loan;
    }

    private static readonly AllocationBucket[] AllBuckets =
        [AllocationBucket.Fees, AllocationBucket.PenaltyInterest, AllocationBucket.CompoundInterest, AllocationBucket.Interest, AllocationBucket.Principal];

    private static OverduePolicy RandomPolicy(Random random)
    {
        OverduePolicy policy = random.Next(3) switch { 0 => OverduePolicy.UnitedStates, _ => OverduePolicy.China };
        if (random.Next(3) == 0)
        {
            return policy; // a preset as it is
        }

        AllocationOrder allocation = random.Next(5) switch
        {
            0 => AllocationOrder.China,
            1 => AllocationOrder.FannieMae,
            2 => AllocationOrder.PenaltiesFeesInterestPrincipal,
            _ => AllocationOrder.Create(AllBuckets.OrderBy(_ => random.Next()).ToArray(),
                random.Next(2) == 0 ? AllocationScope.OldestInstalmentFirst : AllocationScope.BucketAcrossInstalments),
        };
        return policy with
        {
            PenaltyRate = random.Next(6) switch
            {
                0 => PenaltyRate.None,
                1 => PenaltyRate.Markup(Percentage.Percent(30m)),
                2 => PenaltyRate.Plus(Spread.FromBasisPoints(random.Next(0, 500))),
                3 => PenaltyRate.Fixed(Rate.BasisPoints(random.Next(0, 3000) + (random.Next(100) / 100m))),
                _ => PenaltyRate.ChinaDefault,
            },
            CompoundInterest = random.Next(3) > 0,
            DayCount = random.Next(2) == 0 ? DayCount.Actual360 : DayCount.Actual365Fixed,
            GraceDays = random.Next(3) switch { 0 => 0, 1 => 15, _ => random.Next(0, 31) },
            LateFee = random.Next(5) switch
            {
                0 => LateFee.PercentOfOverdue(Percentage.Percent(5m)),
                1 => LateFee.PercentOfOverdue(Percentage.Percent(4m), 20m),
                2 => LateFee.FlatAmount(7.5m),
                _ => LateFee.None,
            },
            Tolerance = random.Next(4) switch { 0 => 0.05m, 1 => 1m, _ => 0m },
            Allocation = allocation,
            Excess = random.Next(5) switch
            {
                0 => ExcessPayment.Prepay(PrepaymentOption.LowerPayment),
                1 => ExcessPayment.Prepay(random.Next(2) == 0 ? PrepaymentOption.ShortenTerm : PrepaymentOption.ShortenTermKeepPayment),
                _ => ExcessPayment.HoldAsCredit,
            },
            Classification = random.Next(3) switch
            {
                0 => RiskClassification.UsDelinquency,
                1 => RiskClassification.BankWarningLevels(),
                _ => RiskClassification.China2023,
            },
        };
    }
}
