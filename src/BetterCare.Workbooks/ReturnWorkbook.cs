using BetterCare.Returns.Validation.Rules;
using CellRef = BetterCare.Returns.Reading.CellRef;

namespace BetterCare.Workbooks;

/// <summary>Lays a <see cref="ReturnDraft"/> out as template BCF-QR-1: one sheet per part, each table under a title and a header row.</summary>
public static class ReturnWorkbook
{
    public const int TitleRows = 2;

    public static WorkbookDraft Build(ReturnDraft r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var workbook = new WorkbookDraft();
        workbook.Sheets.Add(Cover(r));
        workbook.Sheets.Add(Contributions(r));
        workbook.Sheets.Add(Schemes(r));
        workbook.Sheets.Add(SignOff(r));
        if (r.Conditions is not null)
        {
            workbook.Sheets.Add(Conditions(r));
        }

        if (r.Metrics is not null)
        {
            workbook.Sheets.Add(Metrics(r));
        }

        if (r.Districts is not null)
        {
            workbook.Sheets.Add(Dfg(r));
        }

        if (r.Risks is not null)
        {
            workbook.Sheets.Add(Risks(r));
        }

        return workbook;
    }

    private static SheetDraft Cover(ReturnDraft r)
    {
        var s = new SheetDraft("Cover") { ColumnWidths = [42, 44] };
        s.BoldRows.Add(s.AddRow("Better Care Fund quarterly return"));
        s.AddRow("Fill in the shaded cells. Money is in the units below unless a column header names its own.");
        Entry(s, r, "Template version", r.TemplateVersion, input: false);
        Entry(s, r, "Health and Wellbeing Board", r.HwbName);
        Entry(s, r, "HWB code", r.HwbCode);
        Entry(s, r, "Financial year", r.FinancialYear);
        var quarter = Entry(s, r, "Quarter", r.Quarter);
        var units = Entry(s, r, "Units", r.Units);
        Entry(s, r, "Minimum required value of pooled budget", r.MinimumRequired);
        Entry(s, r, "Total agreed value of pooled budget", r.TotalAgreed);
        Entry(s, r, "Completed by", r.CompletedBy);
        Entry(s, r, "Email", r.Email);
        Entry(s, r, "Date completed", r.DateCompleted);
        if (r.MarkInputs)
        {
            s.Validations.Add(new ListValidation(CellRef.Of(quarter, 1), ["Q1", "Q2", "Q3", "Q4"]));
            s.Validations.Add(new ListValidation(CellRef.Of(units, 1), ["£", "£000s", "£m"]));
        }

        return s;
    }

    private static int Entry(SheetDraft s, ReturnDraft r, string label, object? value, bool input = true)
    {
        var row = s.AddRow(label, value);
        if (input && r.MarkInputs)
        {
            s.InputCells.Add((row, 1));
        }

        return row;
    }

    private static SheetDraft Contributions(ReturnDraft r)
    {
        var u = Suffix(r.ContributionUnits);
        var s = Table("Contributions", "Money into the pooled budget, one row per partner body.",
            ["Partner", "Partner type", "Partner code", "Minimum contribution" + u, "Additional contribution" + u,
             "Total contribution" + u, "Actual to date" + u, "Forecast outturn" + u]);
        s.ColumnWidths = [36, 16, 14, 22, 24, 22, 18, 20];
        var first = s.Rows.Count;
        foreach (var p in r.Partners)
        {
            Input(s, r, [p.Name, p.Type, p.Code, p.Minimum, p.Additional, p.Total, p.ActualToDate, p.Forecast], fromColumn: 0, lockedColumns: []);
        }

        Spare(s, r, 8);
        TotalRow(s, first, r.PartnerTotals, firstMoneyColumn: 3, columns: 5);
        Choices(s, r, first, 1, ChoicesRule.PartnerTypes);
        return s;
    }

    private static SheetDraft Schemes(ReturnDraft r)
    {
        var u = Suffix(r.SchemeUnits);
        var s = Table("Schemes", "Money out of the pooled budget, one row per scheme.",
            ["Scheme ID", "Scheme name", "Scheme type", "Funding partner", "Commissioner", "Provider",
             "Planned spend" + u, "Actual to date" + u, "Forecast outturn" + u]);
        s.ColumnWidths = [11, 40, 24, 30, 20, 20, 16, 16, 18];
        var first = s.Rows.Count;
        foreach (var x in r.Schemes)
        {
            Input(s, r, [x.Id, x.Name, x.Type, x.FundingPartner, x.Commissioner, x.Provider, x.Planned, x.ActualToDate, x.Forecast], 0, []);
        }

        Spare(s, r, 9);
        TotalRow(s, first, r.SchemeTotals, firstMoneyColumn: 6, columns: 3);
        Choices(s, r, first, 2, ChoicesRule.SchemeTypes);
        return s;
    }

    private static SheetDraft SignOff(ReturnDraft r)
    {
        var s = Table("Sign-off", "Each partner's signatory and the Health and Wellbeing Board chair. Leave Date signed blank until signed.",
            ["Organisation", "Signing for", "Name", "Position", "Email", "Date signed"]);
        s.ColumnWidths = [36, 26, 26, 36, 34, 14];
        var first = s.Rows.Count;
        foreach (var x in r.Signatories)
        {
            Input(s, r, [x.Organisation, x.SigningFor, x.Name, x.Position, x.Email, x.DateSigned], 0, [0, 1]);
        }

        Choices(s, r, first, 1, ChoicesRule.SigningFor);
        return s;
    }

    private static SheetDraft Conditions(ReturnDraft r)
    {
        var s = Table("National Conditions", "Whether each national condition is met; commentary is required unless Yes.", ["Condition", "Met", "Commentary"]);
        s.ColumnWidths = [60, 12, 70];
        var first = s.Rows.Count;
        foreach (var x in r.Conditions!)
        {
            Input(s, r, [x.Condition, x.Met, x.Commentary], 0, [0]);
        }

        Choices(s, r, first, 1, ChoicesRule.MetAnswers);
        return s;
    }

    private static SheetDraft Metrics(ReturnDraft r)
    {
        var s = Table("Metrics", "The national metrics: plan and actual.", ["Metric", "Unit", "Plan", "Actual", "Commentary"]);
        s.ColumnWidths = [60, 34, 12, 12, 50];
        foreach (var x in r.Metrics!)
        {
            Input(s, r, [x.Metric, x.Unit, x.Plan, x.Actual, x.Commentary], 0, [0, 1]);
        }

        return s;
    }

    private static SheetDraft Dfg(ReturnDraft r)
    {
        var s = Table("DFG", "The Disabled Facilities Grant passed on to district councils.", ["District council", "Allocation"]);
        s.ColumnWidths = [36, 16];
        var first = s.Rows.Count;
        foreach (var x in r.Districts!)
        {
            Input(s, r, [x.District, x.Allocation], 0, []);
        }

        TotalRow(s, first, r.DistrictTotal is null ? null : [r.DistrictTotal], firstMoneyColumn: 1, columns: 1);
        return s;
    }

    private static SheetDraft Risks(ReturnDraft r)
    {
        var s = Table("Risks", "Risks to delivery, scored 1 to 5; overall is likelihood × impact.",
            ["No", "Risk", "Likelihood", "Impact", "Overall", "Mitigation", "Owner"]);
        s.ColumnWidths = [6, 60, 11, 9, 9, 60, 24];
        foreach (var x in r.Risks!)
        {
            Input(s, r, [x.Number, x.Risk, x.Likelihood, x.Impact, x.Overall, x.Mitigation, x.Owner], 0, []);
        }

        return s;
    }

    private static SheetDraft Table(string name, string note, string[] headers)
    {
        var s = new SheetDraft(name);
        s.BoldRows.Add(s.AddRow(name));
        s.AddRow(note);
        s.BoldRows.Add(s.AddRow(headers));
        return s;
    }

    private static void Input(SheetDraft s, ReturnDraft r, object?[] cells, int fromColumn, int[] lockedColumns)
    {
        var row = s.AddRow(cells);
        if (!r.MarkInputs)
        {
            return;
        }

        for (var c = fromColumn; c < cells.Length; c++)
        {
            if (!lockedColumns.Contains(c))
            {
                s.InputCells.Add((row, c));
            }
        }
    }

    private static void Spare(SheetDraft s, ReturnDraft r, int width)
    {
        for (var i = 0; i < r.SpareRows; i++)
        {
            Input(s, r, new object?[width], 0, []);
        }
    }

    private static void TotalRow(SheetDraft s, int firstDataRow, object?[]? stated, int firstMoneyColumn, int columns)
    {
        if (stated is null)
        {
            return;
        }

        var lastDataRow = s.Rows.Count - 1;
        var cells = new object?[firstMoneyColumn + columns];
        cells[0] = "Total";
        for (var i = 0; i < columns; i++)
        {
            var column = CellRef.ColumnName(firstMoneyColumn + i);
            cells[firstMoneyColumn + i] = stated.Length == 0
                ? (lastDataRow >= firstDataRow ? new Formula($"SUM({column}{firstDataRow + 1}:{column}{lastDataRow + 1})") : null)
                : i < stated.Length ? stated[i] : null;
        }

        s.BoldRows.Add(s.AddRow(cells));
    }

    private static void Choices(SheetDraft s, ReturnDraft r, int firstDataRow, int column, IReadOnlyList<string> choices)
    {
        if (!r.MarkInputs || s.Rows.Count <= firstDataRow)
        {
            return;
        }

        var last = s.Rows.Count - 1;
        if (s.Rows[last] is { Length: > 0 } lastRow && lastRow[0] is "Total")
        {
            last--;
        }

        if (last >= firstDataRow)
        {
            s.Validations.Add(new ListValidation($"{CellRef.Of(firstDataRow, column)}:{CellRef.Of(last, column)}", choices));
        }
    }

    private static string Suffix(string? units) => string.IsNullOrEmpty(units) ? string.Empty : $" ({units})";
}
