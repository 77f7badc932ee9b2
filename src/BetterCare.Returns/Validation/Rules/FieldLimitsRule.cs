using System.Globalization;
using BetterCare.Returns.Findings;
using BetterCare.Returns.Model;

namespace BetterCare.Returns.Validation.Rules;

/// <summary>
/// FIELD-INVALID for anything past <see cref="FieldLimits"/>: a text longer than its field
/// allows, a table with more rows than a return may have, a partner code that is not letters
/// and digits. Each says the limit and how far past it the workbook goes; the text is quoted
/// only in part.
/// </summary>
public sealed class FieldLimitsRule : IValidationRule
{
    public IReadOnlyList<FindingCode> Emits { get; } = [FindingCode.FieldInvalid];

    public IEnumerable<Finding> Check(ValidationContext context)
    {
        var r = context.Return;
        var findings = new List<Finding>();
        if (r.Cover is { } cover)
        {
            Text(findings, cover.Entry(CoverField.HwbName)?.Value, "The HWB name", FieldLimits.Name);
            Text(findings, cover.Entry(CoverField.CompletedBy)?.Value, "Completed by", FieldLimits.PersonName);
            Text(findings, cover.Entry(CoverField.Email)?.Value, "The contact email", FieldLimits.Email);
            foreach (var entry in cover.Entries.Values.Where(e => e.Value is not null))
            {
                Text(findings, entry.Value, $"'{entry.Label}'", FieldLimits.Short);
            }
        }

        if (r.Contributions is { } partners)
        {
            Rows(findings, partners.Sheet, partners.Rows.Count, FieldLimits.Partners, "partner");
            foreach (var p in partners.Rows)
            {
                Text(findings, p.Partner, "A partner's name", FieldLimits.Name);
                Text(findings, p.PartnerType, "A partner type", FieldLimits.Short);
                if (p.PartnerCode is { IsBlank: false } code && !FieldLimits.IsPartnerCode(code.Text?.Trim()))
                {
                    findings.Add(Finding.Of(FindingCode.FieldInvalid, code.Sheet, code.Cell,
                        $"Partner code '{Quote(code.Text)}' for {Quote(p.Name)} is not a code: an ODS or ONS code is 1 to {FieldLimits.PartnerCode} letters and digits (e.g. 06Q or E10000012)."));
                }
            }
        }

        if (r.SignOff is { } signOff)
        {
            Rows(findings, signOff.Sheet, signOff.Rows.Count, FieldLimits.Signatories, "signatory", "each is sent a sign-off request");
            foreach (var s in signOff.Rows)
            {
                Text(findings, s.Organisation, "A signatory's organisation", FieldLimits.Name);
                Text(findings, s.SigningFor, "Signing for", FieldLimits.Short);
                Text(findings, s.Name, "A signatory's name", FieldLimits.PersonName);
                Text(findings, s.Position, "A signatory's position", FieldLimits.Position);
                Text(findings, s.Email, "A signatory's email", FieldLimits.Email);
            }
        }

        if (r.Schemes is { } schemes)
        {
            Rows(findings, schemes.Sheet, schemes.Rows.Count, FieldLimits.Schemes, "scheme");
            foreach (var s in schemes.Rows)
            {
                Text(findings, s.SchemeId, "A scheme ID", FieldLimits.Identifier);
                Text(findings, s.SchemeName, "A scheme name", FieldLimits.Short);
                Text(findings, s.SchemeType, "A scheme type", FieldLimits.Short);
                Text(findings, s.FundingPartner, "A funding partner", FieldLimits.Name);
                Text(findings, s.Commissioner, "A commissioner", FieldLimits.Short);
                Text(findings, s.Provider, "A provider", FieldLimits.Short);
            }
        }

        if (r.Dfg is { } dfg)
        {
            Rows(findings, dfg.Sheet, dfg.Rows.Count, FieldLimits.Districts, "district");
            foreach (var d in dfg.Rows)
            {
                Text(findings, d.District, "A district council's name", FieldLimits.Name);
            }
        }

        if (r.Conditions is { } conditions)
        {
            Rows(findings, conditions.Sheet, conditions.Rows.Count, FieldLimits.Conditions, "condition");
            foreach (var c in conditions.Rows)
            {
                Text(findings, c.Condition, "A condition", FieldLimits.Long);
                Text(findings, c.Met, "Met", FieldLimits.Short);
                Text(findings, c.Commentary, "A commentary", FieldLimits.Long);
            }
        }

        if (r.Metrics is { } metrics)
        {
            Rows(findings, metrics.Sheet, metrics.Rows.Count, FieldLimits.Metrics, "metric");
            foreach (var m in metrics.Rows)
            {
                Text(findings, m.Metric, "A metric", FieldLimits.Short);
                Text(findings, m.Unit, "A metric's unit", FieldLimits.Short);
                Text(findings, m.Commentary, "A commentary", FieldLimits.Long);
            }
        }

        if (r.Risks is { } risks)
        {
            Rows(findings, risks.Sheet, risks.Rows.Count, FieldLimits.Risks, "risk");
            foreach (var k in risks.Rows)
            {
                Text(findings, k.Number, "A risk number", FieldLimits.Identifier);
                Text(findings, k.Risk, "A risk", FieldLimits.Long);
                Text(findings, k.Mitigation, "A mitigation", FieldLimits.Long);
                Text(findings, k.Owner, "A risk owner", FieldLimits.Short);
            }
        }

        // One finding per cell: a Cover entry checked against both its own limit and the general one says the tighter.
        return findings.GroupBy(f => (f.Sheet, f.Cell)).Select(g => g.First());
    }

    /// <summary>At most this much of a text is quoted in a finding.</summary>
    public const int QuotedLength = 60;

    /// <summary>A text as a finding quotes it: the start of it, when it is long.</summary>
    public static string Quote(string? text)
    {
        var t = (text ?? string.Empty).ReplaceLineEndings(" ").Trim();
        return t.Length <= QuotedLength ? t : t[..QuotedLength] + "…";
    }

    private static void Text(List<Finding> findings, CellValue? cell, string what, int limit)
    {
        if (cell is not { IsBlank: false } c || c.Text is not { } text || text.Length <= limit)
        {
            return;
        }

        findings.Add(Finding.Of(FindingCode.FieldInvalid, c.Sheet, c.Cell,
            $"{what} is {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; at most {limit.ToString("N0", CultureInfo.InvariantCulture)} are allowed ('{Quote(text)}')."));
    }

    private static void Rows(List<Finding> findings, string sheet, int count, int limit, string what, string? why = null)
    {
        if (count > limit)
        {
            findings.Add(Finding.Of(FindingCode.FieldInvalid, sheet, null,
                $"The {sheet} sheet has {count.ToString("N0", CultureInfo.InvariantCulture)} {what} rows; a return may have at most {limit.ToString("N0", CultureInfo.InvariantCulture)}{(why is null ? null : $" ({why})")}."));
        }
    }
}
