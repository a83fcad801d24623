using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using MortgageMath.Cli.Localization;
using MortgageMath.Cli.Resources;
using MortgageMath.Serialization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MortgageMath.Cli;

/// <summary>
/// A <c>mortgage account</c> result as text (with <c>--explain</c>, in words), CSV or JSON. Renders
/// <see cref="LoanAccount"/>'s figures only: every amount, date, class and rule is the library's.
/// </summary>
internal static class AccountWriters
{
    /// <summary>The text table's width.</summary>
    internal const int Width = 150;

    /// <summary>The CSV header: one line per instalment due by the as-of date.</summary>
    internal const string CsvHeader =
        "period,due_date,due_principal,due_interest,due_fees,paid_principal,paid_interest,penalty_interest,compound_interest,late_fee,paid_penalty_interest,paid_compound_interest,paid_fees,outstanding,paid_on,days_late,status";

    /// <summary>The status of an instalment as the CSV and JSON write it.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The name.</returns>
    internal static string StatusName(InstalmentStatus status) => status switch
    {
        InstalmentStatus.PaidOnTime => "paid_on_time",
        InstalmentStatus.PaidWithinGrace => "paid_within_grace",
        InstalmentStatus.PaidLate => "paid_late",
        InstalmentStatus.Due => "due",
        _ => "overdue",
    };

    private static string StatusText(InstalmentStatus status) => status switch
    {
        InstalmentStatus.PaidOnTime => CliText.Account_Status_PaidOnTime,
        InstalmentStatus.PaidWithinGrace => CliText.Account_Status_PaidWithinGrace,
        InstalmentStatus.PaidLate => CliText.Account_Status_PaidLate,
        InstalmentStatus.Due => CliText.Account_Status_Due,
        _ => CliText.Account_Status_Overdue,
    };

    /// <summary>The account in words and a table.</summary>
    /// <param name="account">The account.</param>
    /// <param name="single">The loan as read, with its leg for a leg of a combined spec.</param>
    /// <param name="explain">Whether to add what a collector tells the borrower.</param>
    /// <returns>The text, ending in a newline.</returns>
    internal static string Text(LoanAccount account, LoanOptions.SingleLoan single, bool explain)
    {
        int places = account.Loan.Rounding.DecimalPlaces;
        string A(decimal amount) => Amounts.Grouped(amount, places);
        var text = new StringBuilder();
        if (single.LegLine is { } legLine)
        {
            text.Append(legLine).Append('\n');
        }

        text.Append(QuoteFigures.Summary(account.Schedule)).Append('\n');
        text.Append(Language.Format(CliText.Account_AsOf, Amounts.Date(account.AsOf), account.Policy)).Append('\n');
        decimal received = account.Payments.Sum(p => p.Amount);
        text.Append(Language.Format(CliText.Account_PaymentsCounted, account.Payments.Count, A(received)));
        if (account.PaymentsAfterAsOf > 0)
        {
            text.Append(Language.Format(CliText.Account_PaymentsAfter, account.PaymentsAfterAsOf, Amounts.Date(account.AsOf)));
        }

        text.Append(CliText.Account_Sentence).Append('\n');

        using (var writer = new StringWriter(text, CultureInfo.InvariantCulture))
        {
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(writer),
                Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
            });
            console.Profile.Width = Width;
            console.Profile.Capabilities.Unicode = true;
            var table = new Table().Border(TableBorder.Square);
            string[] columns = [CliText.Col_Period, CliText.Col_DueDate, CliText.Col_Principal, CliText.Col_Interest, CliText.Account_Col_Paid,
                CliText.Col_Penalty_Interest, CliText.Col_Compound_Interest, CliText.Account_Col_LateFee, CliText.Account_Col_Outstanding,
                CliText.Account_Col_PaidOn, CliText.Account_Col_DaysLate, CliText.Account_Col_Status];
            for (int k = 0; k < columns.Length; k++)
            {
                var tableColumn = new TableColumn(columns[k]);
                table.AddColumn(k is 1 or 9 or 11 ? tableColumn : tableColumn.RightAligned());   // the dates and the status are left-aligned
            }

            foreach (AccountInstalment i in account.Instalments)
            {
                table.AddRow(new List<IRenderable>
                {
                    new Text(i.Period.ToString(CultureInfo.InvariantCulture)),
                    new Text(Amounts.Date(i.DueDate)),
                    new Text(A(i.DuePrincipal)),
                    new Text(A(i.DueInterest)),
                    new Text(A(i.PaidPrincipal + i.PaidInterest + i.PaidFees + i.PaidPenaltyInterest + i.PaidCompoundInterest)),
                    new Text(A(i.PenaltyInterest)),
                    new Text(A(i.CompoundInterest)),
                    new Text(A(i.LateFee)),
                    new Text(A(i.Outstanding)),
                    new Text(i.PaidOn is { } paidOn ? Amounts.Date(paidOn) : ""),
                    new Text(i.DaysLate.ToString(CultureInfo.InvariantCulture)),
                    new Text(StatusText(i.Status)),
                });
            }

            if (account.Instalments.Count == 0)
            {
                text.Append(CliText.Account_NoInstalment).Append('\n');
            }
            else
            {
                console.Write(table);
            }
        }

        if (account.Ledger.Count > 0)
        {
            text.Append(CliText.Account_PaymentsApplied).Append('\n');
            foreach (PaymentApplication line in account.Ledger)
            {
                string source = line.Capitalized != 0m ? Language.Format(CliText.Account_Capitalized, A(line.Capitalized))
                    : line.PaymentIndex is null ? Language.Format(CliText.Account_FromCredit, A(line.FromCredit))
                    : A(line.Amount) + (line.FromCredit > 0m ? Language.Format(CliText.Account_PlusCredit, A(line.FromCredit)) : "");
                var parts = new List<string>(line.Allocations.Select(a => $"#{a.Period} {AllocationOrder.NameOf(a.Bucket)} {A(a.Amount)}"));
                if (line.Prepaid > 0m)
                {
                    parts.Add(Language.Format(CliText.Account_Prepaid, A(line.Prepaid)));
                }

                if (line.ToCredit > 0m)
                {
                    parts.Add(Language.Format(CliText.Account_ToCredit, A(line.ToCredit)));
                }

                text.Append($"  {Amounts.Date(line.Date)} {source}: {string.Join(", ", parts)}{(line.Note is { } note ? $" ({note})" : "")}\n");
            }
        }

        text.Append(CliText.Account_Arrears).Append('\n');
        text.Append(CliText.Account_Arrears_Principal).Append(A(account.OverduePrincipal)).Append('\n');
        text.Append(CliText.Account_Arrears_Interest).Append(A(account.OverdueInterest)).Append('\n');
        text.Append(CliText.Account_Arrears_Penalty).Append(A(account.PenaltyInterest)).Append('\n');
        text.Append(CliText.Account_Arrears_Compound).Append(A(account.CompoundInterest)).Append('\n');
        text.Append(CliText.Account_Arrears_Fees).Append(A(account.Fees)).Append('\n');
        text.Append(CliText.Account_Arrears_Total).Append(A(account.Arrears)).Append('\n');
        text.Append(CliText.Account_CreditHeld).Append(A(account.Credit)).Append('\n');
        text.Append(CliText.Account_ToBeCurrent).Append(A(account.AmountToBeCurrent)).Append('\n');
        text.Append(account.OverdueSince is { } since
            ? Language.Format(CliText.Account_DaysPastDue, account.DaysPastDue, account.OverdueInstalments, Amounts.Date(since))
            : Language.Format(CliText.Account_DaysPastDueNone, account.DaysPastDue)).Append('\n');
        AccountClassification c = account.Classification;
        text.Append(Language.Format(CliText.Account_Class, c.Class.Label, c.Class.Code, account.Policy.Classification.Name,
            c.Rule is { } rule ? CliText.Label_Separator + rule : "")).Append('\n');
        text.Append(c.NextClass is { } next && c.NextTransition is { } on
            ? Language.Format(CliText.Account_NextClassLine, next.Label, Amounts.Date(on), c.NextRule is { } nextRule ? CliText.Paren_Open + nextRule + CliText.Paren_Close : "")
            : CliText.Account_NextClassNone).Append('\n');
        if (c.NextMilestone is { } milestone && c.NextMilestoneDate is { } milestoneDate)
        {
            text.Append(Language.Format(CliText.Account_NextMilestone, milestone.Action, Amounts.Date(milestoneDate), milestone.Source)).Append('\n');
        }

        text.Append(Language.Format(CliText.Account_PayoffLine, A(account.PayoffAmount), A(account.PayoffQuote.Total))).Append('\n');
        if (explain)
        {
            text.Append('\n').Append(Explain(account)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>What a collector tells the borrower, in sentences in the run's language with the class's own label.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The sentences, without a final newline.</returns>
    internal static string Explain(LoanAccount account)
    {
        int places = account.Loan.Rounding.DecimalPlaces;
        string A(decimal amount) => Amounts.Grouped(amount, places);
        string asOf = Amounts.Date(account.AsOf);
        var sentences = new List<string>();
        List<AccountInstalment> overdue = [.. account.Instalments.Where(i => i.Status == InstalmentStatus.Overdue)];
        List<AccountInstalment> due = [.. account.Instalments.Where(i => i.Status == InstalmentStatus.Due)];
        if (overdue.Count == 0)
        {
            sentences.Add(Language.Format(CliText.Account_NothingOverdue, asOf, account.Classification.Class.Label));
        }
        else
        {
            decimal owed = overdue.Sum(i => i.OutstandingPrincipal + i.OutstandingInterest);
            var charges = new List<string> { Language.Format(CliText.Account_PenaltyCharge, A(overdue.Sum(i => i.OutstandingPenaltyInterest))) };
            decimal compound = overdue.Sum(i => i.OutstandingCompoundInterest);
            if (compound != 0m || account.Policy.CompoundInterest)
            {
                charges.Add(Language.Format(CliText.Account_CompoundCharge, A(compound)));
            }

            decimal fees = overdue.Sum(i => i.OutstandingFees);
            if (fees != 0m || !account.Policy.LateFee.IsNone)
            {
                charges.Add(Language.Format(CliText.Account_FeesCharge, A(fees)));
            }

            string since = account.OverdueSince is { } s ? Language.Format(CliText.Account_OverdueSince, Amounts.Date(s)) : "";
            sentences.Add(Language.Format(overdue.Count == 1 ? CliText.Account_OverdueOne : CliText.Account_OverdueMany,
                overdue.Count, since, A(owed), Join(charges), account.DaysPastDue, account.Classification.Class.Label));
        }

        foreach (AccountInstalment i in due)
        {
            sentences.Add(i.DueDate == account.AsOf
                ? Language.Format(CliText.Account_DueToday, i.Period, A(i.Outstanding), asOf)
                : Language.Format(CliText.Account_DueGrace, i.Period, A(i.Outstanding), Amounts.Date(i.DueDate)));
        }

        if (account.Credit > 0m)
        {
            sentences.Add(Language.Format(CliText.Account_Credit, A(account.Credit)));
        }

        sentences.Add(account.AmountToBeCurrent > 0m
            ? Language.Format(CliText.Account_PayToday, A(account.AmountToBeCurrent), asOf)
            : CliText.Account_NothingToPay);
        if (account.Classification.NextClass is { } next && account.Classification.NextTransition is { } on)
        {
            sentences.Add(Language.Format(CliText.Account_NextClass, next.Label, Amounts.Date(on)));
        }

        sentences.Add(Language.Format(CliText.Account_Payoff, A(account.PayoffAmount)));
        return string.Join("\n", sentences);

        static string Join(List<string> parts) =>
            parts.Count == 1 ? parts[0] : string.Join(CliText.Account_ListSeparator, parts.Take(parts.Count - 1)) + CliText.Account_ListLast + parts[^1];
    }

    /// <summary>The instalments as CSV: <see cref="CsvHeader"/>, then one line per instalment.</summary>
    /// <param name="account">The account.</param>
    /// <returns>The text.</returns>
    internal static string Csv(LoanAccount account)
    {
        int places = account.Loan.Rounding.DecimalPlaces;
        string P(decimal amount) => Amounts.Plain(amount, places);
        var text = new StringBuilder(CsvHeader).Append('\n');
        foreach (AccountInstalment i in account.Instalments)
        {
            text.Append(string.Join(',',
                i.Period.ToString(CultureInfo.InvariantCulture), Amounts.Date(i.DueDate), P(i.DuePrincipal), P(i.DueInterest), P(i.DueFees),
                P(i.PaidPrincipal), P(i.PaidInterest), P(i.PenaltyInterest), P(i.CompoundInterest), P(i.LateFee),
                P(i.PaidPenaltyInterest), P(i.PaidCompoundInterest), P(i.PaidFees), P(i.Outstanding),
                i.PaidOn is { } paidOn ? Amounts.Date(paidOn) : "", i.DaysLate.ToString(CultureInfo.InvariantCulture), StatusName(i.Status)));
            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The whole account as JSON.</summary>
    /// <param name="account">The account.</param>
    /// <param name="single">The loan as read, with its leg for a leg of a combined spec.</param>
    /// <returns>The text, ending in a newline.</returns>
    internal static string Json(LoanAccount account, LoanOptions.SingleLoan single)
    {
        int places = account.Loan.Rounding.DecimalPlaces;
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (Utf8JsonWriter json = JsonScheduleWriter.CreateWriter(buffer))
        {
            void Amount(string name, decimal? amount) => JsonScheduleWriter.WriteAmount(json, name, amount, places);
            void Date(string name, NodaTime.LocalDate? date)
            {
                if (date is { } d)
                {
                    json.WriteString(name, Amounts.Date(d));
                }
                else
                {
                    json.WriteNull(name);
                }
            }

            json.WriteStartObject();
            if (single.Leg is { } leg)
            {
                json.WriteString("leg", leg);
            }

            JsonScheduleWriter.WriteLoan(json, account.Schedule);
            json.WriteString("as_of", Amounts.Date(account.AsOf));
            OverduePolicy policy = account.Policy;
            json.WriteStartObject("policy");
            json.WriteString("penalty_rate", policy.PenaltyRate.ToString());
            json.WriteBoolean("compound_interest", policy.CompoundInterest);
            json.WriteString("day_count", policy.DayCount == DayCount.Actual360 ? "actual/360" : "actual/365");
            json.WriteNumber("grace_days", policy.GraceDays);
            json.WriteString("late_fee", policy.LateFee.ToString());
            Amount("tolerance", policy.Tolerance);
            json.WriteString("allocation", policy.Allocation.ToString());
            json.WriteString("excess", policy.Excess.ToString());
            json.WriteString("classification", policy.Classification.Name);
            json.WriteEndObject();

            json.WriteNumber("payments_counted", account.Payments.Count);
            json.WriteNumber("payments_after_as_of", account.PaymentsAfterAsOf);
            json.WriteStartArray("instalments");
            foreach (AccountInstalment i in account.Instalments)
            {
                json.WriteStartObject();
                json.WriteNumber("period", i.Period);
                json.WriteString("due_date", Amounts.Date(i.DueDate));
                json.WriteString("kind", ScheduleFormat.KindName(i.Kind));
                json.WritePropertyName("annual_rate_pct");
                json.WriteRawValue(Amounts.Percent(i.AnnualRate));
                json.WritePropertyName("penalty_rate_pct");
                json.WriteRawValue(Amounts.Percent(i.PenaltyRate));
                Amount("due_principal", i.DuePrincipal);
                Amount("due_interest", i.DueInterest);
                Amount("due_fees", i.DueFees);
                Amount("paid_principal", i.PaidPrincipal);
                Amount("paid_interest", i.PaidInterest);
                Amount("penalty_interest", i.PenaltyInterest);
                Amount("paid_penalty_interest", i.PaidPenaltyInterest);
                Amount("compound_interest", i.CompoundInterest);
                Amount("paid_compound_interest", i.PaidCompoundInterest);
                Amount("late_fee", i.LateFee);
                Amount("paid_fees", i.PaidFees);
                Amount("outstanding", i.Outstanding);
                Date("paid_on", i.PaidOn);
                json.WriteNumber("days_late", i.DaysLate);
                json.WriteString("status", StatusName(i.Status));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("ledger");
            foreach (PaymentApplication line in account.Ledger)
            {
                json.WriteStartObject();
                if (line.PaymentIndex is { } index)
                {
                    json.WriteNumber("payment_index", index);
                }
                else
                {
                    json.WriteNull("payment_index");
                }

                json.WriteString("date", Amounts.Date(line.Date));
                Amount("amount", line.Amount);
                Amount("from_credit", line.FromCredit);
                if (line.Capitalized != 0m)
                {
                    Amount("capitalized", line.Capitalized);
                }

                json.WriteStartArray("allocations");
                foreach (Allocation allocation in line.Allocations)
                {
                    json.WriteStartObject();
                    json.WriteNumber("period", allocation.Period);
                    json.WriteString("due_date", Amounts.Date(allocation.DueDate));
                    json.WriteString("bucket", AllocationOrder.NameOf(allocation.Bucket));
                    Amount("amount", allocation.Amount);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                Amount("prepaid", line.Prepaid);
                Amount("to_credit", line.ToCredit);
                json.WriteString("note", line.Note);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("arrears");
            Amount("principal", account.OverduePrincipal);
            Amount("interest", account.OverdueInterest);
            Amount("penalty_interest", account.PenaltyInterest);
            Amount("compound_interest", account.CompoundInterest);
            Amount("fees", account.Fees);
            Amount("total", account.Arrears);
            json.WriteEndObject();
            Amount("penalty_interest_accrued", account.PenaltyInterestAccrued);
            Amount("compound_interest_accrued", account.CompoundInterestAccrued);
            Amount("late_fees_charged", account.LateFeesCharged);
            Amount("credit", account.Credit);
            Amount("amount_to_be_current", account.AmountToBeCurrent);
            json.WriteNumber("days_past_due", account.DaysPastDue);
            Date("overdue_since", account.OverdueSince);
            json.WriteNumber("overdue_instalments", account.OverdueInstalments);
            json.WriteNumber("consecutive_overdue_instalments", account.ConsecutiveOverdueInstalments);
            json.WriteBoolean("is_current", account.IsCurrent);
            AccountClassification c = account.Classification;
            json.WriteStartObject("classification");
            json.WriteString("scheme", policy.Classification.Name);
            Class("class", c.Class);
            json.WriteString("rule", c.Rule?.ToString());
            Class("next_class", c.NextClass);
            json.WriteString("next_rule", c.NextRule?.ToString());
            Date("next_transition", c.NextTransition);
            json.WriteStartArray("milestones_reached");
            foreach (ServicingMilestone milestone in c.MilestonesReached)
            {
                Milestone(milestone);
            }

            json.WriteEndArray();
            json.WritePropertyName("next_milestone");
            if (c.NextMilestone is { } next)
            {
                Milestone(next);
            }
            else
            {
                json.WriteNullValue();
            }

            Date("next_milestone_date", c.NextMilestoneDate);
            json.WriteEndObject();
            PayoffQuote quote = account.PayoffQuote;
            json.WriteStartObject("payoff");
            Amount("balance", quote.Balance);
            Amount("accrued_interest", quote.AccruedInterest);
            Amount("penalty", quote.Penalty);
            Amount("quote_total", quote.Total);
            Amount("amount", account.PayoffAmount);
            json.WriteEndObject();
            json.WriteEndObject();

            void Class(string name, RiskClass? riskClass)
            {
                json.WritePropertyName(name);
                if (riskClass is null)
                {
                    json.WriteNullValue();
                    return;
                }

                json.WriteStartObject();
                json.WriteNumber("rank", riskClass.Rank);
                json.WriteString("code", riskClass.Code);
                json.WriteString("label", riskClass.Label);
                json.WriteEndObject();
            }

            void Milestone(ServicingMilestone milestone)
            {
                json.WriteStartObject();
                json.WriteNumber("days_past_due", milestone.DaysPastDue);
                json.WriteString("action", milestone.Action);
                json.WriteString("source", milestone.Source);
                json.WriteEndObject();
            }
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
