using System.Reflection;

namespace MortgageMath.Tests.Equality;

/// <summary>
/// Every public type of the library is a value with real equality (Equals, GetHashCode, == and != overridden
/// together, and checked by <see cref="ValueEqualityTests"/>), or is on <see cref="ReferenceEqualityAllowed"/> with the
/// reason it compares by reference. A new public type fails here until it is one or the other.
/// </summary>
public class PublicTypeEqualityTests
{
    /// <summary>The public types that keep reference equality, each with why.</summary>
    private static readonly Dictionary<Type, string> ReferenceEqualityAllowed = new()
    {
        [typeof(MissingRateFixingException)] = "an exception: an event, not a value; two throws are two errors",
        [typeof(NoSolutionException)] = "an exception: an event, not a value; two throws are two errors",
        [typeof(PrepaymentRuleViolationException)] = "an exception: an event, not a value; two throws are two errors",
        [typeof(LoanEventException)] = "an exception: an event, not a value; two throws are two errors",
        [typeof(TermExtensionException)] = "an exception: an event, not a value; two throws are two errors",
        [typeof(MortgageMath.Specs.PaymentsCsvException)] = "an exception: an event, not a value; two throws are two errors",
        [typeof(PaymentRecordException)] = "an exception: an event, not a value; two throws are two errors",
        [typeof(MortgageMath.Specs.LoanSpecException)] = "an exception: an event, not a value; two throws are two errors",
        [typeof(MortgageMath.Verification.ScheduleFileException)] = "an exception: an event, not a value; two throws are two errors",
        [typeof(MortgageMath.Verification.ColumnMappingException)] = "an exception: an event, not a value; two throws are two errors",
        [typeof(Schedule.Enumerator)] = "a mutable enumerator over a schedule's rows, not a value",
        [typeof(MortgageMath.Portfolio.RepricingTally)] = "a mutable builder that sums results as they pass; its RepricingSummary is the value",
    };

    /// <summary>Public types that have no instances: static classes, enums (compared by value by the runtime), interfaces.</summary>
    private static bool HasNoInstancesToCompare(Type type) =>
        type.IsEnum || type.IsInterface || (type.IsAbstract && type.IsSealed) || typeof(Delegate).IsAssignableFrom(type);

    private static IEnumerable<Type> PublicTypes() =>
        typeof(Loan).Assembly.GetExportedTypes().Where(t => !HasNoInstancesToCompare(t)).OrderBy(t => t.FullName, StringComparer.Ordinal);

    private static bool Overrides(Type type, string name, params Type[] parameters)
    {
        Type? declaring = type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters)?.DeclaringType;
        return declaring is not null && declaring != typeof(object) && declaring != typeof(ValueType);
    }

    /// <summary>Equals(object), GetHashCode, == and != all defined by the type (or a base type of the library).</summary>
    private static bool HasValueEquality(Type type) =>
        Overrides(type, nameof(Equals), typeof(object)) && Overrides(type, nameof(GetHashCode)) &&
        EqualityAssert.Operator(type, "op_Equality") is not null && EqualityAssert.Operator(type, "op_Inequality") is not null;

    [Fact]
    public void Every_public_type_has_value_equality_or_a_reason_not_to()
    {
        string[] missing = [.. PublicTypes()
            .Where(t => !HasValueEquality(t) && !ReferenceEqualityAllowed.ContainsKey(t))
            .Select(t => $"{t.FullName}: Equals(object) {(Overrides(t, nameof(Equals), typeof(object)) ? "ok" : "missing")}, " +
                $"GetHashCode {(Overrides(t, nameof(GetHashCode)) ? "ok" : "missing")}, " +
                $"== {(EqualityAssert.Operator(t, "op_Equality") is null ? "missing" : "ok")}, != {(EqualityAssert.Operator(t, "op_Inequality") is null ? "missing" : "ok")}")];
        Assert.True(missing.Length == 0,
            "Public types without consistent value equality (give them structural Equals/GetHashCode/==/!=, or add them to the allow-list with the reason):\n" +
            string.Join("\n", missing));
    }

    [Fact]
    public void Every_allow_listed_type_is_public_and_still_compares_by_reference()
    {
        foreach ((Type type, string reason) in ReferenceEqualityAllowed)
        {
            Assert.True(type.IsVisible, $"{type.FullName} is no longer public; remove it from the allow-list.");
            Assert.False(HasValueEquality(type), $"{type.FullName} now has value equality; remove it from the allow-list and add a case to ValueEqualityTests.");
            Assert.False(string.IsNullOrWhiteSpace(reason));
        }
    }

    [Fact]
    public void Every_public_value_type_is_checked_by_the_equality_tests()
    {
        string[] unchecked_ = [.. PublicTypes()
            .Where(t => HasValueEquality(t) && !ValueEqualityTests.Cases.ContainsKey(t))
            .Select(t => t.FullName!)];
        Assert.True(unchecked_.Length == 0, "Public value types with no case in ValueEqualityTests.Cases:\n" + string.Join("\n", unchecked_));
    }

    [Fact]
    public void A_value_type_that_overrides_Equals_overrides_GetHashCode_too()
    {
        foreach (Type type in PublicTypes())
        {
            Assert.True(Overrides(type, nameof(Equals), typeof(object)) == Overrides(type, nameof(GetHashCode)),
                $"{type.FullName} overrides only one of Equals(object) and GetHashCode.");
        }
    }
}
