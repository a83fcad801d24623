using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime;

namespace MortgageMath.Specs;

/// <summary>
/// Writes a <see cref="LoanDocument"/> as a spec of the current version in the documented JSON forms. Values the
/// reader would assume anyway (its defaults) are left out, so a written spec reads like a hand-written one.
/// Penalties and repricing rules are written from their canonical text form (<see cref="PrepaymentPenalty.ToString"/>,
/// <see cref="RepricingRule.ToString"/>), which <see cref="SpecTerm"/> reads: one vocabulary.
/// </summary>
internal static class LoanSpecWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    internal static string Write(LoanDocument document, RateTable rates)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("version", LoanSpecReader.CurrentVersion);
            if (document.Description is { } description)
            {
                json.WriteString("description", description);
            }

            if (document.CombinedLoan is { } combined)
            {
                json.WriteStartArray("legs");
                foreach (LoanLeg leg in combined.Legs)
                {
                    json.WriteStartObject();
                    json.WriteString("name", leg.Name);
                    WriteLoan(json, leg.Loan, rates);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }
            else
            {
                WriteLoan(json, document.Loan!, rates);
                WriteAccount(json, document);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteLoan(Utf8JsonWriter json, Loan loan, RateTable rates)
    {
        json.WriteNumber("principal", loan.Principal);
        json.WriteString("disbursement", Date(loan.Disbursement));
        json.WriteNumber(SpecNames.Fields.Months, loan.Periods);
        if (loan.RepaymentDay is { } day)
        {
            json.WriteNumber("repayment_day", day);
        }

        if (loan.FirstDueDate is { } first)
        {
            json.WriteString("first_due_date", Date(first));
        }

        json.WritePropertyName("method");
        WriteMethod(json, loan.Method);
        if (loan.Rounding != RoundingPolicy.Default)
        {
            json.WriteStartObject("rounding");
            json.WriteNumber("decimal_places", loan.Rounding.DecimalPlaces);
            json.WriteString("mode", SpecNames.RoundingModes.NameOf(loan.Rounding.Mode));
            json.WriteEndObject();
        }

        if (loan.DayCount != DayCount.Actual360)
        {
            json.WriteString("day_count", SpecNames.DayCounts.NameOf(loan.DayCount));
        }

        if (loan.OddFirstPeriod != OddFirstPeriodPolicy.AdjustFirstPayment)
        {
            json.WriteString("odd_first_period", SpecNames.OddFirstPeriods.NameOf(loan.OddFirstPeriod));
        }

        if (loan.RateChangeInterest != RateChangeInterest.SplitByActualDays)
        {
            json.WriteString("rate_change_interest", SpecNames.RateChangeInterests.NameOf(loan.RateChangeInterest));
        }

        json.WritePropertyName("rate");
        WritePlan(json, loan.RatePlan);
        if (loan.Events.Count > 0)
        {
            json.WriteStartArray("events");
            foreach (LoanEvent e in loan.Events)
            {
                WriteEvent(json, e);
            }

            json.WriteEndArray();
        }

        if (loan.PrepaymentInterest != PrepaymentInterest.AccruedOnBalance)
        {
            json.WriteString("prepayment_interest", SpecNames.PrepaymentInterests.NameOf(loan.PrepaymentInterest));
        }

        if (loan.PrepaymentPenalty != PrepaymentPenalty.None)
        {
            json.WritePropertyName("prepayment_penalty");
            WritePenalty(json, SpecTerm.Read(loan.PrepaymentPenalty.ToString()), checkUsLimit: false);
        }

        if (loan.PrepaymentRules != PrepaymentRules.None)
        {
            PrepaymentRules rules = loan.PrepaymentRules;
            json.WriteStartObject("prepayment_rules");
            if (rules.MinimumAmount is { } minimum)
            {
                json.WriteNumber("minimum_amount", minimum);
            }

            if (rules.MinimumPaymentMultiple is { } multiple)
            {
                json.WriteNumber("minimum_payment_multiple", multiple);
            }

            if (rules.AllowedAfterMonths != PrepaymentRules.None.AllowedAfterMonths)
            {
                json.WriteNumber("allowed_after_months", rules.AllowedAfterMonths);
            }

            json.WriteEndObject();
        }

        WriteRates(json, loan.Rates, rates);
    }

    /// <summary>The version-3 account data: the payments received and the overdue policy, each when the document has it.</summary>
    private static void WriteAccount(Utf8JsonWriter json, LoanDocument document)
    {
        if (document.Payments is { } payments)
        {
            json.WriteStartArray("payments");
            foreach (ReceivedPayment payment in payments)
            {
                json.WriteStartObject();
                json.WriteString("date", Date(payment.Date));
                json.WriteNumber("amount", payment.Amount);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (document.OverduePolicy is { } policy)
        {
            json.WritePropertyName("overdue_policy");
            WriteOverduePolicy(json, policy);
        }
    }

    /// <summary>
    /// A policy as the preset it differs least from (China on a tie) and the fields that differ from it, in their text
    /// forms. A classification that is not a preset has no spec form.
    /// </summary>
    private static void WriteOverduePolicy(Utf8JsonWriter json, OverduePolicy policy)
    {
        RiskClassification? named;
        try
        {
            named = RiskClassification.Preset(policy.Classification.Name);
        }
        catch (ArgumentOutOfRangeException)
        {
            named = null;
        }

        if (named != policy.Classification)
        {
            throw new ArgumentException(
                Resources.Localized.Format(Resources.LibraryText.Err_SpecWriteClassification, policy.Classification.Name),
                nameof(policy));
        }

        (string Name, Action<Utf8JsonWriter> Write)[] china = Differences(policy, OverduePolicy.China);
        (string Name, Action<Utf8JsonWriter> Write)[] us = Differences(policy, OverduePolicy.UnitedStates);
        bool isUs = us.Length < china.Length;
        json.WriteStartObject();
        json.WriteString("preset", isUs ? SpecNames.OverduePolicies.UnitedStates : SpecNames.OverduePolicies.China);
        foreach ((string _, Action<Utf8JsonWriter> write) in isUs ? us : china)
        {
            write(json);
        }

        json.WriteEndObject();
    }

    private static (string Name, Action<Utf8JsonWriter> Write)[] Differences(OverduePolicy policy, OverduePolicy preset)
    {
        var fields = new List<(string, Action<Utf8JsonWriter>)>();
        if (policy.PenaltyRate != preset.PenaltyRate)
        {
            fields.Add(("penalty_rate", j => j.WriteString("penalty_rate", policy.PenaltyRate.ToString())));
        }

        if (policy.CompoundInterest != preset.CompoundInterest)
        {
            fields.Add(("compound_interest", j => j.WriteBoolean("compound_interest", policy.CompoundInterest)));
        }

        if (policy.DayCount != preset.DayCount)
        {
            fields.Add(("day_count", j => j.WriteString("day_count", SpecNames.DayCounts.NameOf(policy.DayCount))));
        }

        if (policy.GraceDays != preset.GraceDays)
        {
            fields.Add(("grace_days", j => j.WriteNumber("grace_days", policy.GraceDays)));
        }

        if (policy.LateFee != preset.LateFee)
        {
            fields.Add(("late_fee", j => j.WriteString("late_fee", policy.LateFee.ToString())));
        }

        if (policy.Tolerance != preset.Tolerance)
        {
            fields.Add(("tolerance", j => j.WriteNumber("tolerance", policy.Tolerance)));
        }

        if (policy.Allocation != preset.Allocation)
        {
            fields.Add(("allocation", j => j.WriteString("allocation", policy.Allocation.ToString())));
        }

        if (policy.Excess != preset.Excess)
        {
            fields.Add(("excess", j => j.WriteString("excess", policy.Excess.ToString())));
        }

        if (policy.Classification != preset.Classification)
        {
            fields.Add(("classification", j => j.WriteString("classification", policy.Classification.Name)));
        }

        return [.. fields];
    }

    private static void WriteMethod(Utf8JsonWriter json, RepaymentMethod method)
    {
        switch (method)
        {
            case RepaymentMethod.BalloonMethod balloon:
                json.WriteStartObject();
                json.WriteString("type", SpecNames.Methods.Balloon);
                json.WriteNumber("amortization_months", balloon.AmortizationTerm);
                json.WriteEndObject();
                break;
            case RepaymentMethod.InterestFirstMethod interestFirst:
                json.WriteStartObject();
                json.WriteString("type", SpecNames.Methods.InterestFirst);
                json.WriteNumber("interest_only_months", interestFirst.InterestOnlyPeriods);
                json.WriteString("then", interestFirst.Then.Name);
                if (interestFirst.MinimumPrincipal != 0m)
                {
                    json.WriteNumber("minimum_principal", interestFirst.MinimumPrincipal);
                }

                json.WriteEndObject();
                break;
            default:
                json.WriteStringValue(method.Name);
                break;
        }
    }

    private static void WritePlan(Utf8JsonWriter json, RatePlan plan)
    {
        json.WriteStartObject();
        switch (plan)
        {
            case FixedRatePlan fixedPlan:
                json.WriteString("type", SpecNames.RatePlans.Fixed);
                json.WriteString("annual", fixedPlan.Rate.ToString());
                break;
            case FloatingRatePlan floating:
                json.WriteString("type", SpecNames.RatePlans.Floating);
                json.WriteString("index", floating.Index.Name);
                if (floating.Multiplier == RateMultiplier.One)
                {
                    json.WriteString("spread", floating.Spread.ToString());
                }
                else
                {
                    json.WriteString("multiplier", floating.Multiplier.ToString());
                }

                json.WritePropertyName("repricing");
                WriteRepricing(json, floating.Repricing);
                if (floating.Floor is { } floor)
                {
                    json.WriteString("floor", floor.ToString());
                }

                break;
            case SteppedRatePlan stepped:
                json.WriteString("type", SpecNames.RatePlans.Stepped);
                json.WritePropertyName("first");
                WritePlan(json, stepped.First);
                json.WriteNumber("periods", stepped.Periods);
                json.WritePropertyName("then");
                WritePlan(json, stepped.Then);
                break;
            default:
                throw new InvalidOperationException($"Unexpected rate plan {plan}.");
        }

        json.WriteEndObject();
    }

    private static void WriteRepricing(Utf8JsonWriter json, RepricingRule rule)
    {
        SpecTerm term = SpecTerm.Read(rule.ToString());
        json.WriteStartObject();
        json.WriteString("rule", term.Text);
        if (term.Is(SpecNames.Repricing.EveryMonths) && term.Values is { Count: > 0 } values)
        {
            json.WriteNumber("months", int.Parse(values[0].Text, System.Globalization.CultureInfo.InvariantCulture));
            if (values.Count > 1)
            {
                json.WriteString("from", values[1].Text);
            }
        }

        json.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter json, LoanEvent loanEvent)
    {
        json.WriteStartObject();
        switch (loanEvent)
        {
            case SpreadChangeEvent change:
                json.WriteString("type", SpecNames.Events.SpreadChange);
                json.WriteString("date", Date(change.Date));
                json.WriteString("spread", change.Spread.ToString());
                break;
            case SwitchToFloatingEvent { Spread: { } spread } switchEvent:
                json.WriteString("type", SpecNames.Events.SwitchToFloating);
                json.WriteString("date", Date(switchEvent.Date));
                json.WriteString("index", switchEvent.Index.Name);
                json.WriteString("spread", spread.ToString());
                json.WritePropertyName("repricing");
                WriteRepricing(json, switchEvent.Repricing);
                break;
            case SwitchToFloatingEvent conversion:
                json.WriteString("type", SpecNames.Events.ConvertToLpr);
                json.WriteString("date", Date(conversion.Date));
                json.WritePropertyName("repricing");
                WriteRepricing(json, conversion.Repricing);
                json.WriteString("index", conversion.Index.Name);
                if (conversion.ReferenceDate is { } reference)
                {
                    json.WriteString("reference_date", Date(reference));
                }

                break;
            case FixedRateEvent fixedRate:
                json.WriteString("type", SpecNames.Events.FixedRate);
                json.WriteString("date", Date(fixedRate.Date));
                json.WriteString("annual", fixedRate.Plan.Rate.ToString());
                break;
            case Prepayment { Amount: null } payoff:
                json.WriteString("type", SpecNames.Events.Payoff);
                json.WriteString("date", Date(payoff.Date));
                break;
            case Prepayment prepayment:
                json.WriteString("type", SpecNames.Events.Prepayment);
                json.WriteString("date", Date(prepayment.Date));
                json.WriteNumber("amount", prepayment.Amount!.Value);
                if (prepayment.Option is PrepaymentOption.NewTermOption newTerm)
                {
                    json.WriteStartObject("option");
                    json.WriteNumber("new_term_months", newTerm.RemainingPeriods);
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteString("option", prepayment.Option.ToString());
                }

                break;
            case PaymentHoliday holiday:
                json.WriteString("type", SpecNames.Events.PaymentHoliday);
                json.WriteString("date", Date(holiday.Date));
                json.WriteString("skipped_interest", SpecNames.SkippedInterests.NameOf(holiday.SkippedInterest));
                break;
            case TermChange change:
                json.WriteString("type", SpecNames.Events.TermChange);
                json.WriteString("date", Date(change.Date));
                if (change.ExtendBy is { } by)
                {
                    json.WriteNumber("extend_months", by);
                }
                else
                {
                    json.WriteNumber("remaining_months", change.RemainingPeriods);
                }

                WriteLimits(json, change.Limits);
                break;
            case MethodChange methodChange:
                json.WriteString("type", SpecNames.Events.MethodChange);
                json.WriteString("date", Date(methodChange.Date));
                json.WriteString("method", methodChange.Method.Name);
                break;
            case InterestOnlyPeriod interestOnly:
                json.WriteString("type", SpecNames.Events.InterestOnly);
                json.WriteString("date", Date(interestOnly.Date));
                json.WriteNumber("months", interestOnly.Periods);
                if (interestOnly.MinimumPrincipal != 0m)
                {
                    json.WriteNumber("minimum_principal", interestOnly.MinimumPrincipal);
                }

                if (interestOnly.Resume == InterestOnlyResume.ToMaturity)
                {
                    json.WriteString("resume", SpecNames.InterestOnlyResumes.ToMaturity);
                }

                WriteLimits(json, interestOnly.Limits);
                break;
            case RepaymentDayChange dayChange:
                json.WriteString("type", SpecNames.Events.RepaymentDayChange);
                json.WriteString("date", Date(dayChange.Date));
                json.WriteNumber("day", dayChange.NewDay);
                if (dayChange.MinimumMonthsSincePrevious != 12)
                {
                    json.WriteNumber("minimum_months_between", dayChange.MinimumMonthsSincePrevious);
                }

                break;
            case ArrearsCapitalization capitalization:
                json.WriteString("type", SpecNames.Events.ArrearsCapitalization);
                json.WriteString("date", Date(capitalization.Date));
                json.WriteNumber("amount", capitalization.Amount);
                break;
            case PaymentDeferral deferral:
                json.WriteString("type", SpecNames.Events.PaymentDeferral);
                json.WriteString("date", Date(deferral.Date));
                json.WriteNumber("months", deferral.Periods);
                if (deferral.MaximumPeriods != PaymentDeferral.DefaultMaximumPeriods)
                {
                    json.WriteNumber("maximum_months", deferral.MaximumPeriods);
                }

                break;
            default:
                throw new InvalidOperationException($"Unexpected loan event {loanEvent}.");
        }

        json.WriteEndObject();
    }

    /// <summary>A term change's limits: nothing for the default (china-housing), the name of the other preset, else an object.</summary>
    private static void WriteLimits(Utf8JsonWriter json, ExtensionLimits limits)
    {
        if (limits == ExtensionLimits.ChinaHousing)
        {
            return;
        }

        if (limits == ExtensionLimits.None)
        {
            json.WriteString("limits", SpecNames.ExtensionLimits.None);
            return;
        }

        json.WriteStartObject("limits");
        json.WriteBoolean("general_loan_rules", limits.GeneralLoanRules);
        json.WriteNumber("max_total_months", limits.MaxTotalPeriods);
        json.WriteEndObject();
    }

    /// <summary>A penalty from its canonical text form; <c>check-us-limit(p)</c> becomes p's object with <c>"check_us_limit": true</c>.</summary>
    private static void WritePenalty(Utf8JsonWriter json, SpecTerm term, bool checkUsLimit)
    {
        if (term.Is(SpecNames.Penalties.CheckUsLimit) && term.Values is [SpecTerm inner])
        {
            WritePenalty(json, inner, checkUsLimit: true);
            return;
        }

        IReadOnlyList<SpecTerm> values = term.Values ?? [];
        json.WriteStartObject();
        json.WriteString("type", term.Text.ToLowerInvariant());
        if (term.Is(SpecNames.Penalties.PercentOfAmountByYear))
        {
            WriteStrings(json, "percents", values);
        }
        else if (term.Is(SpecNames.Penalties.MonthsOfInterest))
        {
            json.WriteNumber("months", int.Parse(values[0].Text, System.Globalization.CultureInfo.InvariantCulture));
            if (values.Count > 1)
            {
                json.WriteNumber("within_years", int.Parse(values[1].Text, System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        else if (term.Is(SpecNames.Penalties.UkEarlyRepaymentCharge))
        {
            json.WriteString("yearly_allowance", values[0].Text);
            WriteStrings(json, "percents", [.. values.Skip(1)]);
        }
        else if (term.Is(SpecNames.Penalties.Sum))
        {
            json.WriteStartArray("of");
            foreach (SpecTerm part in values)
            {
                WritePenalty(json, part, checkUsLimit: false);
            }

            json.WriteEndArray();
        }

        if (checkUsLimit)
        {
            json.WriteBoolean("check_us_limit", true);
        }

        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<SpecTerm> values)
    {
        json.WriteStartArray(name);
        foreach (SpecTerm value in values)
        {
            json.WriteStringValue(value.Text);
        }

        json.WriteEndArray();
    }

    /// <summary>The loan's table as the fixings it adds to the reader's table, and its later as-of date.</summary>
    private static void WriteRates(Utf8JsonWriter json, RateTable table, RateTable baseTable)
    {
        if (table == baseTable)
        {
            return;
        }

        var added = new List<RateFixing>();
        foreach (RateIndex index in table.Indexes)
        {
            IReadOnlyList<RateFixing> theirs = baseTable.Indexes.Contains(index) ? baseTable.Fixings(index) : [];
            foreach (RateFixing fixing in table.Fixings(index))
            {
                if (!theirs.Contains(fixing))
                {
                    added.Add(fixing);
                }
            }
        }

        RateTable rebuilt = baseTable;
        foreach (RateFixing fixing in added)
        {
            rebuilt = rebuilt.WithFixing(fixing.Index, fixing.EffectiveDate, fixing.Value, fixing.Source);
        }

        if (table.AsOf > rebuilt.AsOf)
        {
            rebuilt = rebuilt.AssumingUnchangedUntil(table.AsOf);
        }

        if (rebuilt != table)
        {
            throw new ArgumentException(
                Resources.LibraryText.Err_SpecWriteRates,
                nameof(table));
        }

        json.WriteStartObject("rates");
        if (added.Count > 0)
        {
            json.WriteStartArray("fixings");
            foreach (RateFixing fixing in added)
            {
                json.WriteStartObject();
                json.WriteString("index", fixing.Index.Name);
                json.WriteString("date", Date(fixing.EffectiveDate));
                json.WriteString("rate", fixing.Value.ToString());
                json.WriteString("source", fixing.Source);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        if (table.AsOf > baseTable.AsOf)
        {
            json.WriteString("assume_unchanged_until", Date(table.AsOf));
        }

        json.WriteEndObject();
    }

    private static string Date(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);
}
