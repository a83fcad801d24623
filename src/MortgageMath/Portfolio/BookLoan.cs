namespace MortgageMath.Portfolio;

/// <summary>
/// One loan of a book: its id, a single or a combined loan, and an optional segment (e.g. <c>first-home</c>) a
/// scenario's spread change can select. Immutable; equal when id, segment and loan are equal.
/// </summary>
public sealed class BookLoan : IEquatable<BookLoan>
{
    /// <summary>Creates an entry for a single loan.</summary>
    /// <param name="id">The loan's id in the book: not null or empty.</param>
    /// <param name="loan">The loan.</param>
    /// <param name="segment">The segment a scenario may select it by; null for none.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty.</exception>
    /// <exception cref="ArgumentNullException">A parameter other than <paramref name="segment"/> is null.</exception>
    public BookLoan(string id, Loan loan, string? segment = null)
        : this(id, segment)
    {
        Loan = loan ?? throw new ArgumentNullException(nameof(loan), "The loan must not be null.");
    }

    /// <summary>Creates an entry for a combined loan (组合贷款): each leg is repriced on its own and the figures summed.</summary>
    /// <param name="id">The loan's id in the book: not null or empty.</param>
    /// <param name="loan">The combined loan.</param>
    /// <param name="segment">The segment a scenario may select it by; null for none.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty.</exception>
    /// <exception cref="ArgumentNullException">A parameter other than <paramref name="segment"/> is null.</exception>
    public BookLoan(string id, CombinedLoan loan, string? segment = null)
        : this(id, segment)
    {
        Combined = loan ?? throw new ArgumentNullException(nameof(loan), "The combined loan must not be null.");
    }

    private BookLoan(string id, string? segment)
    {
        ArgumentNullException.ThrowIfNull(id, nameof(id));
        if (id.Length == 0)
        {
            throw new ArgumentException(Resources.LibraryText.Err_BookIdEmpty, nameof(id));
        }

        Id = id;
        Segment = segment;
    }

    /// <summary>The loan's id in the book.</summary>
    public string Id { get; }

    /// <summary>The segment a scenario's spread change may select (e.g. <c>first-home</c>); null for none.</summary>
    public string? Segment { get; }

    /// <summary>The single loan; null for a combined loan.</summary>
    public Loan? Loan { get; }

    /// <summary>The combined loan; null for a single loan.</summary>
    public CombinedLoan? Combined { get; }

    /// <summary>The loans walked: the single loan, or each leg of the combined loan.</summary>
    internal IEnumerable<Loan> Legs => Loan is { } single ? [single] : Combined!.Legs.Select(static l => l.Loan);

    /// <inheritdoc />
    public bool Equals(BookLoan? other) => other is not null && Id == other.Id && Segment == other.Segment &&
        Loan == other.Loan && Combined == other.Combined;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BookLoan other && Equals(other);

    /// <summary>True when both are equal (or both null).</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(BookLoan? left, BookLoan? right) => ReferenceEquals(left, right) || (left is not null && left.Equals(right));

    /// <summary>True when they differ.</summary>
    /// <param name="left">The first.</param>
    /// <param name="right">The second.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(BookLoan? left, BookLoan? right) => !(left == right);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Segment, Loan, Combined);

    /// <summary>The id and what kind of loan it is.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Id}: {(Loan is not null ? "loan" : $"combined loan of {Combined!.Legs.Count} legs")}";
}
