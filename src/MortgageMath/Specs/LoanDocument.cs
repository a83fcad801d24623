using NodaTime;

namespace MortgageMath.Specs;

/// <summary>
/// A loan document: what a loan spec file (<c>docs/loan-spec.md</c>) describes, either a single <see cref="Loan"/> or
/// a <see cref="MortgageMath.CombinedLoan"/> of named legs, with the document's <see cref="Description"/>. Read one with
/// <see cref="LoanSpec.Load(string)"/> / <see cref="LoanSpec.Parse(string)"/>, write one with <see cref="LoanSpec.Write(LoanDocument)"/>.
/// </summary>
/// <remarks>
/// Immutable, and a value: two documents are equal when their loans (compared as <see cref="Loan.Equals(Loan)"/> and
/// <see cref="CombinedLoan.Equals(CombinedLoan)"/> do) and descriptions are equal. How a file spelled a value (the term in
/// <c>years</c> or <c>months</c>, <c>"principal": "1000.50"</c> or <c>1000.5</c>, a leg's own <c>description</c>) is not
/// part of the document; <c>$schema</c> is not either. Exactly one of <see cref="Loan"/> and
/// <see cref="CombinedLoan"/> is not null.
/// </remarks>
public sealed class LoanDocument : IEquatable<LoanDocument>
{
    private readonly IReadOnlyList<string> _termKeys;

    /// <summary>A document holding a single loan.</summary>
    /// <param name="loan">The loan.</param>
    /// <param name="description">Free text describing it, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="loan"/> is null.</exception>
    public LoanDocument(Loan loan, string? description = null)
        : this(loan ?? throw new ArgumentNullException(nameof(loan)), null, description, [SpecNames.Fields.Months])
    {
    }

    /// <summary>A document holding a combined loan (组合贷款).</summary>
    /// <param name="loan">The combined loan.</param>
    /// <param name="description">Free text describing it, or null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="loan"/> is null.</exception>
    public LoanDocument(CombinedLoan loan, string? description = null)
        : this(null, loan ?? throw new ArgumentNullException(nameof(loan)), description,
            [.. Enumerable.Repeat(SpecNames.Fields.Months, loan.Legs.Count)])
    {
    }

    /// <summary>The reader's constructor: also how each loan's term was spelled, for error paths.</summary>
    internal LoanDocument(
        Loan? loan, CombinedLoan? combined, string? description, IReadOnlyList<string> termKeys,
        IReadOnlyList<ReceivedPayment>? payments = null, OverduePolicy? overduePolicy = null)
    {
        Loan = loan;
        CombinedLoan = combined;
        Description = description;
        _termKeys = termKeys;
        Payments = payments is null ? null : Array.AsReadOnly(payments.ToArray());
        OverduePolicy = overduePolicy;
    }

    /// <summary>The single loan; null when the document describes a combined loan.</summary>
    public Loan? Loan { get; }

    /// <summary>The combined loan (<c>"legs"</c>); null when the document describes a single loan.</summary>
    public CombinedLoan? CombinedLoan { get; }

    /// <summary>True when the document describes a combined loan (<see cref="CombinedLoan"/> is set).</summary>
    public bool IsCombined => CombinedLoan is not null;

    /// <summary>The document's <c>description</c>, or null.</summary>
    public string? Description { get; }

    /// <summary>The payments received on the single loan (<c>"payments"</c>, spec version 3), in the order given; null
    /// when the document records none (an empty list when it says nothing was paid).</summary>
    public IReadOnlyList<ReceivedPayment>? Payments { get; }

    /// <summary>The single loan's overdue policy (<c>"overdue_policy"</c>, spec version 3); null when the document
    /// gives none (<see cref="BuildAccount"/> then uses <see cref="Servicing.OverduePolicy.China"/>).</summary>
    public OverduePolicy? OverduePolicy { get; }

    /// <summary>The same loan with another description.</summary>
    /// <param name="description">The description, or null for none.</param>
    /// <returns>The new document.</returns>
    public LoanDocument WithDescription(string? description) => new(Loan, CombinedLoan, description, _termKeys, Payments, OverduePolicy);

    /// <summary>The same document with the single loan's payments and overdue policy replaced (spec version 3).</summary>
    /// <param name="payments">The payments received, or null for none recorded.</param>
    /// <param name="overduePolicy">The overdue policy, or null for none given.</param>
    /// <returns>The new document.</returns>
    /// <exception cref="InvalidOperationException">The document describes a combined loan, whose legs take no payments
    /// or policy in a spec, and <paramref name="payments"/> or <paramref name="overduePolicy"/> is not null.</exception>
    public LoanDocument WithAccount(IEnumerable<ReceivedPayment>? payments, OverduePolicy? overduePolicy)
    {
        if (IsCombined && (payments is not null || overduePolicy is not null))
        {
            throw new InvalidOperationException(Resources.LibraryText.Err_SpecDocCombinedServicing);
        }

        return new(Loan, CombinedLoan, Description, _termKeys, payments is null ? null : [.. payments], overduePolicy);
    }

    /// <summary>
    /// Builds the single loan's account as of <paramref name="asOf"/> (<see cref="MortgageMath.Loan.Account"/>): the
    /// document's <see cref="Payments"/> (none when null) applied under its <see cref="OverduePolicy"/> (China's when null).
    /// </summary>
    /// <param name="asOf">The day the account is drawn up for, on or after the disbursement.</param>
    /// <returns>The account.</returns>
    /// <exception cref="InvalidOperationException">The document describes a combined loan.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="asOf"/> is before the disbursement (not a spec value,
    /// so not a <see cref="LoanSpecException"/>).</exception>
    /// <exception cref="LoanSpecException">The library refused the loan's terms or a payment; the error names the JSON
    /// path (<c>$.payments[2]</c>) and <see cref="Exception.InnerException"/> is the library's exception (a
    /// <see cref="PaymentRecordException"/> for a payment).</exception>
    public LoanAccount BuildAccount(LocalDate asOf)
    {
        Loan loan = Loan ?? throw new InvalidOperationException(
            Resources.LibraryText.Err_SpecDocCombinedAccount);
        try
        {
            return loan.Account(Payments ?? [], asOf, OverduePolicy);
        }
        catch (PaymentRecordException e)
        {
            throw new LoanSpecException([new SpecError(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"$.payments[{e.PaymentIndex}]"), LoanSpecReader.LibraryText(e))], e);
        }
        catch (Exception e) when (e is not ArgumentOutOfRangeException { ParamName: nameof(asOf) } && ErrorFor(e, "$", _termKeys[0]) is { } error)
        {
            throw new LoanSpecException([error], e);
        }
    }

    /// <summary>Builds the single loan's schedule (<see cref="Loan.BuildSchedule"/>).</summary>
    /// <returns>The schedule.</returns>
    /// <exception cref="InvalidOperationException">The document describes a combined loan; use <see cref="BuildCombinedSchedule"/>.</exception>
    /// <exception cref="LoanSpecException">The library refused the terms (they do not fit together, a prepayment rule is
    /// broken, a rate fixing is missing); the error names the JSON path of the value at fault (<c>$.events[2]</c>) and
    /// <see cref="Exception.InnerException"/> is the library's exception.</exception>
    public Schedule BuildSchedule()
    {
        Loan loan = Loan ?? throw new InvalidOperationException(
            Resources.LibraryText.Err_SpecDocCombinedSchedule);
        try
        {
            return loan.BuildSchedule();
        }
        catch (Exception e) when (ErrorFor(e, "$", _termKeys[0]) is { } error)
        {
            throw new LoanSpecException([error], e);
        }
    }

    /// <summary>
    /// Builds the document's schedule and writes it as the documented CSV (docs/cli.md, "Formats"): a single loan
    /// through <see cref="Schedule.WriteCsv"/>, a combined loan through <see cref="CombinedSchedule.WriteCsv"/> (a
    /// <c>leg</c> column and a <c>total</c> line per date). Byte for byte what <c>mortgage schedule --spec FILE --format
    /// csv</c> prints.
    /// </summary>
    /// <param name="writer">Where to write; not closed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    /// <exception cref="LoanSpecException">The library refused the loan's terms; the error names the JSON path.</exception>
    public void WriteScheduleCsv(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (IsCombined)
        {
            BuildCombinedSchedule().WriteCsv(writer);
        }
        else
        {
            BuildSchedule().WriteCsv(writer);
        }
    }

    /// <summary>
    /// Builds the document's schedule and writes it as the documented JSON (docs/cli.md, "Formats"), UTF-8 without a
    /// byte-order mark, ending in a newline: what <c>mortgage schedule --spec FILE --format json</c> prints.
    /// </summary>
    /// <param name="utf8Json">Where to write; left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="LoanSpecException">The library refused the loan's terms; the error names the JSON path.</exception>
    public void WriteScheduleJson(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        if (IsCombined)
        {
            BuildCombinedSchedule().WriteJson(utf8Json);
        }
        else
        {
            BuildSchedule().WriteJson(utf8Json);
        }
    }

    /// <summary>Builds the combined loan's schedule (<see cref="CombinedLoan.BuildSchedule"/>).</summary>
    /// <returns>The schedule.</returns>
    /// <exception cref="InvalidOperationException">The document describes a single loan; use <see cref="BuildSchedule"/>.</exception>
    /// <exception cref="LoanSpecException">The library refused a leg's terms; the error names the path inside the leg
    /// (<c>$.legs[1].events[0]</c>) and <see cref="Exception.InnerException"/> is the library's exception.</exception>
    public CombinedSchedule BuildCombinedSchedule()
    {
        CombinedLoan combined = CombinedLoan ?? throw new InvalidOperationException(
            Resources.LibraryText.Err_SpecDocSingle);
        try
        {
            return combined.BuildSchedule();
        }
        catch (Exception e) when (ErrorFor(e) is { } error)
        {
            throw new LoanSpecException([error], e);
        }
    }

    /// <summary>
    /// The spec error for an exception the library raised while working with this document's loan (building a
    /// schedule, a quote, a prepayment comparison): the JSON path of the value at fault, found from the exception's
    /// data (<see cref="LoanEventException.EventIndex"/>, <see cref="PrepaymentRuleViolationException.EventIndex"/>,
    /// <see cref="ArgumentException.ParamName"/>), and the message as one line. For a combined loan, each leg is built
    /// alone to find the leg at fault.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The error; null when the exception is not a refusal of the loan's terms (an <see cref="ArgumentException"/>,
    /// a <see cref="PrepaymentRuleViolationException"/> or a <see cref="MissingRateFixingException"/>).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="exception"/> is null.</exception>
    public SpecError? ErrorFor(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (Loan is not null)
        {
            return ErrorFor(exception, "$", _termKeys[0]);
        }

        if (!IsRefusal(exception))
        {
            return null;
        }

        IReadOnlyList<LoanLeg> legs = CombinedLoan!.Legs;
        for (int k = 0; k < legs.Count; k++)
        {
            try
            {
                legs[k].Loan.BuildSchedule();
            }
            catch (Exception legError) when (IsRefusal(legError))
            {
                return ErrorFor(legError, $"$.legs[{k.ToString(System.Globalization.CultureInfo.InvariantCulture)}]", _termKeys[k]);
            }
        }

        // No leg fails alone (not expected): the legs list.
        return new SpecError("$.legs", Text(exception));
    }

    private static bool IsRefusal(Exception e) => e is ArgumentException or PrepaymentRuleViolationException or MissingRateFixingException;

    private static SpecError? ErrorFor(Exception exception, string root, string termKey) => exception switch
    {
        PrepaymentRuleViolationException rule => new SpecError(
            rule.EventIndex is { } index ? SpecPaths.ForEvent(root, index) : $"{root}.prepayment_rules", Text(rule)),
        MissingRateFixingException missing => new SpecError(root, Text(missing)),
        ArgumentException argument => new SpecError(SpecPaths.ForParameter(root, termKey, argument), Text(argument)),
        _ => null,
    };

    private static string Text(Exception exception) => exception switch
    {
        PrepaymentRuleViolationException rule => Resources.Localized.Format(Resources.LibraryText.Err_SpecBreaksRule, rule.Rule, FirstLine(rule.Message)),
        MissingRateFixingException missing => Resources.Localized.Format(Resources.LibraryText.Err_SpecMissingFixing, missing.Problem),
        ArgumentException argument => LoanSpecReader.LibraryText(argument),
        _ => FirstLine(exception.Message),
    };

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return (end >= 0 ? text[..end] : text).Trim();
    }

    /// <summary>True when both documents hold equal loans, descriptions, payments and overdue policies.</summary>
    /// <param name="other">The other document.</param>
    /// <returns>Whether they are equal.</returns>
    public bool Equals(LoanDocument? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (Loan == other.Loan && CombinedLoan == other.CombinedLoan && string.Equals(Description, other.Description, StringComparison.Ordinal)
                && (Payments is null ? other.Payments is null : other.Payments is not null && Sequences.Equal(Payments, other.Payments))
                && OverduePolicy == other.OverduePolicy));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is LoanDocument other && Equals(other);

    /// <summary>A hash code consistent with <see cref="Equals(LoanDocument)"/>.</summary>
    /// <returns>The hash code.</returns>
    public override int GetHashCode() => HashCode.Combine(
        Loan, CombinedLoan, Description is null ? 0 : StringComparer.Ordinal.GetHashCode(Description), Payments is null ? -1 : Sequences.Hash(Payments), OverduePolicy);

    /// <summary>True when both are null or equal.</summary>
    /// <param name="left">A document.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(LoanDocument? left, LoanDocument? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they are not equal.</summary>
    /// <param name="left">A document.</param>
    /// <param name="right">Another.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(LoanDocument? left, LoanDocument? right) => !(left == right);

    /// <summary>The document in short: <c>loan document: 1000000 over 360 periods</c> or the legs' names.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => CombinedLoan is { } combined
        ? $"loan document: combined loan of {string.Join(" + ", combined.Legs.Select(l => l.Name))}"
        : $"loan document: {Loan!.Principal.ToString(System.Globalization.CultureInfo.InvariantCulture)} over {Loan.Periods} periods from {Loan.Disbursement:yyyy-MM-dd}";
}
