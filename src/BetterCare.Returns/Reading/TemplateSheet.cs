namespace BetterCare.Returns.Reading;

/// <summary>The sheets of template BCF-QR-1.</summary>
public enum TemplateSheet
{
    Cover = 1,
    Contributions = 2,
    Schemes = 3,
    SignOff = 4,
    NationalConditions = 5,
    Metrics = 6,
    Dfg = 7,
    Risks = 8,
}

public static class TemplateSheets
{
    public static IReadOnlyList<TemplateSheet> Required { get; } =
        [TemplateSheet.Cover, TemplateSheet.Contributions, TemplateSheet.Schemes, TemplateSheet.SignOff];

    /// <summary>The name the template gives the sheet; findings use it when the sheet is absent.</summary>
    public static string DisplayName(this TemplateSheet sheet) => sheet switch
    {
        TemplateSheet.Cover => "Cover",
        TemplateSheet.Contributions => "Contributions",
        TemplateSheet.Schemes => "Schemes",
        TemplateSheet.SignOff => "Sign-off",
        TemplateSheet.NationalConditions => "National Conditions",
        TemplateSheet.Metrics => "Metrics",
        TemplateSheet.Dfg => "DFG",
        TemplateSheet.Risks => "Risks",
        _ => sheet.ToString(),
    };

    /// <summary>
    /// Matches a sheet name as people write it: any case, surrounding spaces, and a leading
    /// numbering such as "1)", "1." or "Sheet 1 -" ("2) Contributions " is Contributions).
    /// </summary>
    public static bool TryMatch(string name, out TemplateSheet sheet)
    {
        var key = Labels.Normalize(StripNumbering(name));
        sheet = key switch
        {
            "cover" => TemplateSheet.Cover,
            "contributions" => TemplateSheet.Contributions,
            "schemes" => TemplateSheet.Schemes,
            "sign off" or "signoff" => TemplateSheet.SignOff,
            "national conditions" => TemplateSheet.NationalConditions,
            "metrics" => TemplateSheet.Metrics,
            "dfg" => TemplateSheet.Dfg,
            "risks" => TemplateSheet.Risks,
            _ => 0,
        };
        return sheet != 0;
    }

    private static string StripNumbering(string name)
    {
        var s = name.Trim();
        if (s.StartsWith("sheet", StringComparison.OrdinalIgnoreCase))
        {
            var rest = s[5..].TrimStart();
            if (rest.Length > 0 && char.IsAsciiDigit(rest[0]))
            {
                s = rest;
            }
        }

        var i = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        if (i == 0)
        {
            return s;
        }

        var j = i;
        while (j < s.Length && (s[j] == ' ' || s[j] == ')' || s[j] == '.' || s[j] == '-' || s[j] == ':' || s[j] == '–'))
        {
            j++;
        }

        // "2020 plan" is a name, not a numbering: numbering is followed by punctuation or a space.
        return j > i ? s[j..] : s;
    }
}
