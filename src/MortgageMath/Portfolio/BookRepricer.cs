namespace MortgageMath.Portfolio;

/// <summary>
/// Reprices a book of loans under a <see cref="RepricingScenario"/>, row-free (<see cref="Loan.Totals(NodaTime.LocalDate, NodaTime.LocalDate)"/>),
/// on all cores, streaming: the book is read in chunks, each chunk priced in parallel, and the results come back in
/// the book's order, so a book of any size runs in the memory of one chunk.
/// </summary>
/// <remarks>
/// Thread safety: the loans, legs, rate tables, rate plans and events are immutable and are read concurrently
/// without locks (a loan may appear in the book any number of times, and all loans usually share one rate table);
/// the scenario's cache of changed tables is a concurrent dictionary, so one scenario may serve several runs at once.
/// The <c>read</c> and <c>idOf</c> functions given are called concurrently and must be thread-safe; the results are
/// enumerated on the caller's thread, as is <see cref="IProgress{T}.Report"/> (after each chunk).
/// </remarks>
public static class BookRepricer
{
    /// <summary>The number of loans read and priced together; the results of one chunk are held at a time.</summary>
    public const int ChunkSize = 4096;

    /// <summary>Reprices a book of loans; see <see cref="Reprice{T}"/>.</summary>
    /// <param name="book">The loans, in book order.</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="progress">Told the counts after each chunk; null for none.</param>
    /// <param name="maxDegreeOfParallelism">The most threads used; 0 (the default) for one per core.</param>
    /// <param name="cancellationToken">Stops the run between loans.</param>
    /// <returns>One result per loan, in book order (lazily: enumerate to run).</returns>
    public static IEnumerable<LoanRepricing> Reprice(IEnumerable<BookLoan> book, RepricingScenario scenario,
        IProgress<RepricingProgress>? progress = null, int maxDegreeOfParallelism = 0, CancellationToken cancellationToken = default) =>
        Reprice(book, static loan => loan, static loan => loan.Id, scenario, progress, maxDegreeOfParallelism, cancellationToken);

    /// <summary>
    /// Reprices a book given as records of any kind (lines of a file, rows of a table), turning each into a
    /// <see cref="BookLoan"/> with <paramref name="read"/> on the pricing threads. A record that cannot be read or
    /// priced (an invalid loan, a missing fixing) gives a result with its <see cref="LoanRepricing.Failure"/> and row
    /// number, and the run goes on; nothing is dropped.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="source">The records, in book order.</param>
    /// <param name="read">Turns a record into a loan (called concurrently).</param>
    /// <param name="idOf">The id of a record, for a failure's report (called concurrently; may return null).</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="progress">Told the counts after each chunk; null for none.</param>
    /// <param name="maxDegreeOfParallelism">The most threads used; 0 (the default) for one per core.</param>
    /// <param name="cancellationToken">Stops the run between loans (throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>One result per record, in order (lazily: enumerate to run).</returns>
    /// <exception cref="ArgumentNullException">A parameter is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is negative.</exception>
    public static IEnumerable<LoanRepricing> Reprice<T>(IEnumerable<T> source, Func<T, BookLoan> read, Func<T, string?> idOf,
        RepricingScenario scenario, IProgress<RepricingProgress>? progress = null, int maxDegreeOfParallelism = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(idOf);
        ArgumentNullException.ThrowIfNull(scenario);
        if (maxDegreeOfParallelism < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism,
                Resources.Localized.Format(Resources.LibraryText.Err_BookThreads, maxDegreeOfParallelism));
        }

        return Run(source, read, idOf, scenario, progress, maxDegreeOfParallelism == 0 ? Environment.ProcessorCount : maxDegreeOfParallelism, cancellationToken);
    }

    private static IEnumerable<LoanRepricing> Run<T>(IEnumerable<T> source, Func<T, BookLoan> read, Func<T, string?> idOf,
        RepricingScenario scenario, IProgress<RepricingProgress>? progress, int threads, CancellationToken cancellationToken)
    {
        var chunk = new T[ChunkSize];
        var results = new LoanRepricing[ChunkSize];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        long row = 0, priced = 0, failed = 0;
        using IEnumerator<T> e = source.GetEnumerator();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int n = 0;
            while (n < ChunkSize && e.MoveNext())
            {
                chunk[n++] = e.Current;
            }

            if (n == 0)
            {
                yield break;
            }

            long first = row + 1;
            if (threads == 1)
            {
                for (int k = 0; k < n; k++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    results[k] = PriceRecord(chunk[k], first + k, read, idOf, scenario);
                }
            }
            else
            {
                Parallel.For(0, n, options, k => results[k] = PriceRecord(chunk[k], first + k, read, idOf, scenario));
            }

            row += n;
            for (int k = 0; k < n; k++)
            {
                if (results[k].IsPriced)
                {
                    priced++;
                }
                else
                {
                    failed++;
                }
            }

            progress?.Report(new RepricingProgress(row, priced, failed));
            for (int k = 0; k < n; k++)
            {
                LoanRepricing result = results[k];
                results[k] = null!;
                chunk[k] = default!;
                yield return result;
            }
        }
    }

    private static LoanRepricing PriceRecord<T>(T record, long row, Func<T, BookLoan> read, Func<T, string?> idOf, RepricingScenario scenario)
    {
        BookLoan loan;
        try
        {
            loan = read(record);
        }
        catch (Exception e) when (IsLoanError(e))
        {
            string? id = null;
            try
            {
                id = idOf(record);
            }
            catch (Exception inner) when (IsLoanError(inner))
            {
                // The id itself is unreadable: the failure names the row alone.
            }

            return new LoanRepricing(row, id, e.Message);
        }

        return Price(loan, scenario, row);
    }

    /// <summary>Reprices one loan: its figures before and after the scenario, or its failure.</summary>
    /// <param name="loan">The loan.</param>
    /// <param name="scenario">The scenario.</param>
    /// <param name="row">Its position in the book, from 1.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentNullException">A parameter is null.</exception>
    public static LoanRepricing Price(BookLoan loan, RepricingScenario scenario, long row = 1)
    {
        ArgumentNullException.ThrowIfNull(loan);
        ArgumentNullException.ThrowIfNull(scenario);
        try
        {
            if (loan.Loan is { } single)
            {
                return new LoanRepricing(row, loan.Id,
                    LoanRepricing.Figures.Of([single.Totals(scenario.ValuationDate, scenario.WindowEnd)]),
                    LoanRepricing.Figures.Of([scenario.TotalsWithPrepayments(scenario.Apply(single, loan.Segment))]));
            }

            IReadOnlyList<LoanLeg> legs = loan.Combined!.Legs;
            var before = new LoanTotals[legs.Count];
            var after = new LoanTotals[legs.Count];
            for (int k = 0; k < legs.Count; k++)
            {
                try
                {
                    before[k] = legs[k].Loan.Totals(scenario.ValuationDate, scenario.WindowEnd);
                    after[k] = scenario.TotalsWithPrepayments(scenario.Apply(legs[k].Loan, loan.Segment));
                }
                catch (Exception e) when (IsLoanError(e))
                {
                    return new LoanRepricing(row, loan.Id, Resources.Localized.Format(Resources.LibraryText.Err_BookLeg, legs[k].Name, e.Message));
                }
            }

            return new LoanRepricing(row, loan.Id, LoanRepricing.Figures.Of(before), LoanRepricing.Figures.Of(after));
        }
        catch (Exception e) when (IsLoanError(e))
        {
            return new LoanRepricing(row, loan.Id, e.Message);
        }
    }

    /// <summary>Sums results as they are enumerated (so a caller writing them out can sum in the same pass).</summary>
    /// <param name="results">The results.</param>
    /// <returns>The counts and sums.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="results"/> is null.</exception>
    public static RepricingSummary Summarize(IEnumerable<LoanRepricing> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sum = new RepricingTally();
        foreach (LoanRepricing r in results)
        {
            sum.Add(r);
        }

        return sum.ToSummary();
    }

    /// <summary>The errors that mean "this loan is not valid" (bad terms, a missing fixing, an unreadable record),
    /// not a fault of the run.</summary>
    private static bool IsLoanError(Exception e) =>
        e is ArgumentException or InvalidOperationException or FormatException or OverflowException or System.Text.Json.JsonException;
}
