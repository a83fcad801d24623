using System.Reflection;

namespace MortgageMath.Tests.Equality;

/// <summary>
/// The one check of equality consistency for every public value type: <c>Equals(T)</c>, <c>Equals(object)</c>,
/// <c>GetHashCode</c>, <c>==</c> and <c>!=</c> must agree with each other and obey the laws (reflexive, symmetric,
/// equal values have equal hashes, never equal to null or to a value of another type).
/// </summary>
internal static class EqualityAssert
{
    /// <summary>
    /// Checks <paramref name="value"/> against <paramref name="equalCopy"/> (built separately: for a class, another
    /// instance; for a struct, other fields where the type allows it, e.g. 1200.00 and 1200.000) and against each of
    /// <paramref name="unequal"/>.
    /// </summary>
    /// <param name="value">A value.</param>
    /// <param name="equalCopy">A value equal to it, built independently.</param>
    /// <param name="unequal">Values that differ from it, ideally in one member each.</param>
    public static void Consistent<T>(T value, T equalCopy, params T[] unequal)
        where T : notnull
    {
        if (!typeof(T).IsValueType)
        {
            Assert.False(ReferenceEquals(value, equalCopy),
                $"{typeof(T).Name}: the equal copy is the same instance; build it separately so that equality is structural, not by reference.");
        }

        Laws(value);
        Laws(equalCopy);
        Equal(value, equalCopy);
        foreach (T other in unequal)
        {
            Laws(other);
            Unequal(value, other);
        }
    }

    /// <summary>Checks a value on its own: reflexive, not equal to null or to another type, operators agree.</summary>
    /// <param name="value">The value.</param>
    public static void Laws<T>(T value)
        where T : notnull
    {
        string name = Describe(value);
        Assert.True(value.Equals(value), $"{name}: Equals(self) is false.");
        Assert.True(value.Equals((object)value), $"{name}: Equals((object)self) is false.");
        if (value is IEquatable<T> equatable)
        {
            Assert.True(equatable.Equals(value), $"{name}: IEquatable<{typeof(T).Name}>.Equals(self) is false.");
        }

        Assert.Equal(value.GetHashCode(), value.GetHashCode());
        Assert.False(value.Equals(null), $"{name}: Equals(null) is true.");
        Assert.False(value.Equals(new object()), $"{name}: equal to a plain object.");
        Assert.False(value.Equals("text"), $"{name}: equal to a string.");
        Assert.True(EqualsOperator(value, value), $"{name}: x == x is false.");
        Assert.False(NotEqualsOperator(value, value), $"{name}: x != x is true.");
        if (!typeof(T).IsValueType)
        {
            Assert.False(EqualsOperator(value, default!), $"{name}: x == null is true.");
            Assert.False(EqualsOperator(default!, value), $"{name}: null == x is true.");
            Assert.True(NotEqualsOperator(value, default!), $"{name}: x != null is false.");
            Assert.True(EqualsOperator<T>(default!, default!), $"{typeof(T).Name}: null == null is false.");
        }
    }

    /// <summary>Checks that two values are equal in every way: both Equals, both operators, and the hash.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">A value equal to it.</param>
    public static void Equal<T>(T left, T right)
        where T : notnull
    {
        string name = $"{Describe(left)} vs {Describe(right)}";
        Assert.True(left.Equals(right), $"{name}: Equals is false.");
        Assert.True(right.Equals(left), $"{name}: Equals is not symmetric.");
        Assert.True(left.Equals((object)right), $"{name}: Equals(object) is false.");
        Assert.True(right.Equals((object)left), $"{name}: Equals(object) is not symmetric.");
        if (left is IEquatable<T> equatable)
        {
            Assert.True(equatable.Equals(right), $"{name}: IEquatable<{typeof(T).Name}>.Equals is false.");
        }

        Assert.True(EqualsOperator(left, right), $"{name}: == is false.");
        Assert.True(EqualsOperator(right, left), $"{name}: == is not symmetric.");
        Assert.False(NotEqualsOperator(left, right), $"{name}: != is true.");
        Assert.True(left.GetHashCode() == right.GetHashCode(), $"{name}: equal values have different hash codes ({left.GetHashCode()} and {right.GetHashCode()}).");
    }

    /// <summary>Checks that two values differ in every way: neither Equals, == false, != true.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">A value that differs from it.</param>
    public static void Unequal<T>(T left, T right)
        where T : notnull
    {
        string name = $"{Describe(left)} vs {Describe(right)}";
        Assert.False(left.Equals(right), $"{name}: Equals is true for values that differ.");
        Assert.False(right.Equals(left), $"{name}: Equals is true (reversed) for values that differ.");
        Assert.False(left.Equals((object)right), $"{name}: Equals(object) is true for values that differ.");
        Assert.False(EqualsOperator(left, right), $"{name}: == is true for values that differ.");
        Assert.False(EqualsOperator(right, left), $"{name}: == is true (reversed) for values that differ.");
        Assert.True(NotEqualsOperator(left, right), $"{name}: != is false for values that differ.");
    }

    /// <summary>The public <c>op_Equality</c> or <c>op_Inequality</c> of <paramref name="type"/> or a base type, taking two values of that type.</summary>
    internal static MethodInfo? Operator(Type type, string name)
    {
        for (Type? t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
        {
            foreach (MethodInfo method in t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                ParameterInfo[] parameters = method.GetParameters();
                if (method.Name == name && method.ReturnType == typeof(bool) && parameters.Length == 2 &&
                    parameters.All(p => p.ParameterType == t || Nullable.GetUnderlyingType(p.ParameterType) == t) &&
                    parameters[0].ParameterType.IsAssignableFrom(type))
                {
                    return method;
                }
            }
        }

        return null;
    }

    private static bool EqualsOperator<T>(T left, T right) => Invoke(left, right, "op_Equality");

    private static bool NotEqualsOperator<T>(T left, T right) => Invoke(left, right, "op_Inequality");

    private static bool Invoke<T>(T left, T right, string name)
    {
        MethodInfo method = Operator(typeof(T), name)
            ?? throw new Xunit.Sdk.XunitException($"{typeof(T).Name} has no public {(name == "op_Equality" ? "==" : "!=")} operator; a value type defines both.");
        return (bool)method.Invoke(null, [left, right])!;
    }

    private static string Describe(object value) => $"{value.GetType().Name} '{value}'";
}
