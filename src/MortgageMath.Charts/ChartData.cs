namespace MortgageMath.Charts;

/// <summary>
/// One series of a chart in plot coordinates: x a date as an OLE automation date (or an amount), y an amount or a
/// percentage, converted from the library's decimals only here, for drawing. When <see cref="Base"/> is set the
/// series is a filled band from <see cref="Base"/> to <see cref="Y"/> (a stacked area).
/// </summary>
internal sealed record ChartSeries(string Name, double[] X, double[] Y, double[]? Base = null, bool Step = false)
{
    internal int Count => X.Length;

    public bool Equals(ChartSeries? other) => other is not null && Name == other.Name && Step == other.Step
        && X.AsSpan().SequenceEqual(other.X) && Y.AsSpan().SequenceEqual(other.Y)
        && (Base is null ? other.Base is null : other.Base is not null && Base.AsSpan().SequenceEqual(other.Base));

    public override int GetHashCode() => HashCode.Combine(Name, Step, X.Length, X.Length > 0 ? Y[^1] : 0);
}

/// <summary>A vertical marker line at <see cref="X"/> (a repricing date, the as-of date).</summary>
internal sealed record ChartMarker(double X, string Label);

/// <summary>What the x and y axes hold, for their tick labels.</summary>
internal enum AxisKind
{
    Date = 0,
    Amount = 1,
    Percent = 2,
}

/// <summary>A chart before drawing: texts, series, markers and the axis ranges (computed from the data).</summary>
internal sealed record ChartModel(
    ChartKind Kind,
    string Title,
    string XLabel,
    string YLabel,
    AxisKind XAxis,
    AxisKind YAxis,
    IReadOnlyList<ChartSeries> Series,
    IReadOnlyList<ChartMarker> Markers)
{
    /// <summary>The x range: the first to the last x of any series or marker.</summary>
    internal (double Min, double Max) XRange
    {
        get
        {
            IEnumerable<double> xs = Series.SelectMany(s => s.X).Concat(Markers.Select(m => m.X));
            double min = xs.DefaultIfEmpty(0).Min(), max = xs.DefaultIfEmpty(1).Max();
            return max > min ? (min, max) : (min - 1, max + 1);
        }
    }

    /// <summary>The y range: from 0 (amounts) or a whole percent below the lowest rate, to 5% above the highest value.</summary>
    internal (double Min, double Max) YRange
    {
        get
        {
            IEnumerable<double> ys = Series.SelectMany(s => s.Y.Concat(s.Base ?? []));
            double min = ys.DefaultIfEmpty(0).Min(), max = ys.DefaultIfEmpty(1).Max();
            double low = YAxis == AxisKind.Percent ? Math.Max(0, Math.Floor(min - 0.5)) : Math.Min(0, min);
            double high = max <= low ? low + 1 : max + (max - low) * 0.05;
            return (low, high);
        }
    }

    public bool Equals(ChartModel? other) => other is not null && Kind == other.Kind && Title == other.Title
        && XLabel == other.XLabel && YLabel == other.YLabel && XAxis == other.XAxis && YAxis == other.YAxis
        && Series.SequenceEqual(other.Series) && Markers.SequenceEqual(other.Markers);

    public override int GetHashCode() => HashCode.Combine(Kind, Title, Series.Count, Markers.Count);
}
