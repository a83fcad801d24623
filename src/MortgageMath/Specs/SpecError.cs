namespace MortgageMath.Specs;

/// <summary>
/// One mistake in a loan spec: the JSON path of the value at fault and what is wrong with it (and, mostly, how to
/// write it). <see cref="Path"/> uses <c>$</c> for the document, <c>.name</c> for a property and <c>[i]</c> for the
/// i-th list item from 0: <c>$.events[2].amount</c>, <c>$.legs[1].rate.spread</c>.
/// </summary>
/// <param name="Path">The JSON path of the value at fault; <c>$</c> for the document as a whole (and for JSON that cannot be parsed).</param>
/// <param name="Message">What is wrong, one line, without the path.</param>
/// <remarks>A value: two errors with the same path, message, line and column are equal.</remarks>
public sealed record SpecError(string Path, string Message)
{
    /// <summary>For text that is not valid JSON, the line of the syntax error (from 1); otherwise null.</summary>
    public int? Line { get; init; }

    /// <summary>For text that is not valid JSON, the column (byte in the line, from 1) of the syntax error; otherwise null.</summary>
    public int? Column { get; init; }

    /// <summary>The error as one line: <c>$.events[2].amount: message</c>, or <c>line 4, column 1: message</c> for a JSON syntax error.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Line is { } line
        ? Resources.Localized.Format(Resources.LibraryText.Err_SpecLineColumn, line, Column ?? 1, Message)
        : $"{Path}: {Message}";
}

/// <summary>A loan spec could not be read or its loan could not be built; <see cref="Errors"/> lists every problem found, each with its JSON path.</summary>
/// <remarks>
/// A <see cref="FormatException"/>: the text does not describe a valid loan. Thrown by <see cref="LoanSpec.Parse(string)"/>,
/// <see cref="LoanSpec.Load(string)"/>, <see cref="LoanSpec.Read(Stream)"/> and by <see cref="LoanDocument.BuildSchedule"/> /
/// <see cref="LoanDocument.BuildCombinedSchedule"/> when the library refuses the terms (then
/// <see cref="Exception.InnerException"/> is the library's exception, e.g. a <see cref="LoanEventException"/>).
/// The <see cref="Exception.Message"/> is the errors, one per line (<see cref="SpecError.ToString"/>).
/// </remarks>
public sealed class LoanSpecException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="errors">The errors, at least one.</param>
    /// <param name="innerException">The library exception behind a single error, or null.</param>
    /// <exception cref="ArgumentException"><paramref name="errors"/> is empty.</exception>
    public LoanSpecException(IReadOnlyList<SpecError> errors, Exception? innerException = null)
        : base(Describe(errors), innerException)
    {
        Errors = [.. errors];
    }

    /// <summary>Every error found, in document order as far as they are independent; never empty.</summary>
    public IReadOnlyList<SpecError> Errors { get; }

    /// <summary>The JSON path of the first error (<c>$.events[2].amount</c>).</summary>
    public string Path => Errors[0].Path;

    private static string Describe(IReadOnlyList<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0
            ? throw new ArgumentException("A LoanSpecException needs at least one error.", nameof(errors))
            : string.Join("\n", errors.Select(e => e.ToString()));
    }
}

/// <summary>Raised inside the reader for one error; caught and collected (never seen by a caller).</summary>
internal sealed class SpecFailure(SpecError error) : Exception(error.ToString())
{
    /// <summary>The error.</summary>
    internal SpecError Error { get; } = error;
}
