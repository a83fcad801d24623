namespace MortgageMath;

/// <summary>Structural equality of the lists inside values: element by element, in order, with the elements' own
/// equality (so a list of decimals compares and hashes amounts by value).</summary>
internal static class Sequences
{
    /// <summary>True when both lists have equal elements in the same order.</summary>
    internal static bool Equal<T>(IReadOnlyList<T> left, IReadOnlyList<T> right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int k = 0; k < left.Count; k++)
        {
            if (!comparer.Equals(left[k], right[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash of the elements in order, consistent with <see cref="Equal"/>.</summary>
    internal static int Hash<T>(IReadOnlyList<T> items)
    {
        var hash = new HashCode();
        hash.Add(items.Count);
        foreach (T item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
