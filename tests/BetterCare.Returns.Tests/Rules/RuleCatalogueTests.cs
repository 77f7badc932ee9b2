using BetterCare.Returns.Findings;
using BetterCare.Returns.Validation;

namespace BetterCare.Returns.Tests.Rules;

public class RuleCatalogueTests
{
    /// <summary>The findings table of the template spec (quarterly-return-template.md): code and severity.</summary>
    private static readonly (string Code, Severity Severity)[] SpecTable =
    [
        ("FILE-UNREADABLE", Severity.Error),
        ("SHEET-MISSING", Severity.Error),
        ("TEMPLATE-VERSION", Severity.Error),
        ("FIELD-MISSING", Severity.Error),
        ("FIELD-INVALID", Severity.Error),
        ("MONEY-INVALID", Severity.Error),
        ("MONEY-RANGE", Severity.Error),
        ("MONEY-MISSING", Severity.Warning),
        ("PARTNER-TOTAL", Severity.Error),
        ("COLUMN-TOTAL", Severity.Error),
        ("COVER-TOTAL", Severity.Error),
        ("COVER-MINIMUM", Severity.Error),
        ("POOL-BELOW-MINIMUM", Severity.Error),
        ("PARTNER-BELOW-MINIMUM", Severity.Error),
        ("SCHEMES-UNALLOCATED", Severity.Warning),
        ("SCHEMES-OVERCOMMITTED", Severity.Error),
        ("SCHEME-PARTNER-UNKNOWN", Severity.Error),
        ("DFG-PASS-THROUGH", Severity.Error),
        ("FORECAST-VARIANCE", Severity.Warning),
        ("YTD-DECREASE", Severity.Warning),
        ("CONDITION-NOT-MET", Severity.Warning),
        ("SIGNATORY-MISSING", Severity.Error),
        ("RISK-SCORE", Severity.Warning),
        ("RISK-DUPLICATE", Severity.Warning),
        ("UNITS-MISMATCH", Severity.Warning),
        ("TEXT-CLEANED", Severity.Info),
    ];

    public static TheoryData<string, Severity> SpecCodes
    {
        get
        {
            var data = new TheoryData<string, Severity>();
            foreach (var (code, severity) in SpecTable)
            {
                data.Add(code, severity);
            }

            return data;
        }
    }

    public static TheoryData<string> SpecCodeNames
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var (code, _) in SpecTable)
            {
                data.Add(code);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(SpecCodes))]
    public void EverySpecCodeIsKnownWithTheSpecsSeverity(string code, Severity severity)
    {
        var known = FindingCode.Known.Where(c => c.Value == code).ToList();

        var single = Assert.Single(known);
        Assert.Equal(severity, single.DefaultSeverity);
        Assert.Equal(single, FindingCode.Parse(code.ToLowerInvariant()));
    }

    [Theory]
    [MemberData(nameof(SpecCodeNames))]
    public void EverySpecCodeIsDeclaredByARule(string code)
    {
        var declared = ValidationRules.All.SelectMany(r => r.Emits).Select(c => c.Value).ToHashSet();

        if (code == FindingCode.FileUnreadable.Value)
        {
            // Emitted by ReturnValidator when a file cannot be read at all, before any rule runs.
            Assert.DoesNotContain(code, declared);
        }
        else
        {
            Assert.Contains(code, declared);
        }
    }

    [Fact]
    public void EveryRuleHasItsOwnTestClass()
    {
        var testClasses = typeof(RuleCatalogueTests).Assembly.GetTypes().Select(t => t.Name).ToHashSet();

        var untested = ValidationRules.All.Select(r => r.GetType().Name + "Tests").Where(n => !testClasses.Contains(n)).ToList();

        Assert.Empty(untested);
    }

    [Fact]
    public void EveryDeclaredCodeIsKnown()
    {
        var unknown = ValidationRules.All.SelectMany(r => r.Emits).Where(c => !FindingCode.Known.Contains(c)).ToList();

        Assert.Empty(unknown);
    }
}
