using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using CellRef = BetterCare.Returns.Reading.CellRef;

namespace BetterCare.Workbooks;

/// <summary>Writes a <see cref="WorkbookDraft"/> as an .xlsx workbook with the Open XML SDK.</summary>
public static class WorkbookWriter
{
    private const uint StyleDefault = 0;
    private const uint StyleBold = 1;
    private const uint StyleInput = 2;
    private const uint StyleInputDate = 3;
    private const uint StyleDate = 4;
    private const uint StyleMoney = 5;
    private const uint MoneyFormatId = 164;

    /// <summary>Zip entries are stamped with this time, so the same draft always gives the same bytes.</summary>
    public static readonly DateTimeOffset Stamp = new(2017, 9, 11, 0, 0, 0, TimeSpan.Zero);

    public static void Write(WorkbookDraft draft, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite);
        Write(draft, stream);
    }

    public static void Write(WorkbookDraft draft, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(draft);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        // Explicit relationship ids (the SDK's are random), so the same draft gives the same bytes.
        var workbookPart = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
        workbookPart.Workbook = new Workbook();
        var styles = workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles");
        styles.Stylesheet = Stylesheet();

        var sheets = workbookPart.Workbook.AppendChild(new Sheets());
        uint id = 1;
        foreach (var sheet in draft.Sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>($"rIdSheet{id}");
            part.Worksheet = Worksheet(sheet);
            sheets.Append(new Sheet
            {
                Id = workbookPart.GetIdOfPart(part),
                SheetId = id++,
                Name = sheet.Name,
                State = sheet.Hidden ? SheetStateValues.Hidden : null,
            });
        }

        workbookPart.Workbook.Append(new CalculationProperties { FullCalculationOnLoad = true });
    }

    private static Worksheet Worksheet(SheetDraft draft)
    {
        var worksheet = new Worksheet();
        if (draft.RecordedDimension is { } dimension)
        {
            worksheet.Append(new SheetDimension { Reference = dimension });
        }

        if (draft.FrozenRows > 0)
        {
            var topLeft = CellRef.Of(draft.FrozenRows, 0);
            worksheet.Append(new SheetViews(new SheetView(
                new Pane { VerticalSplit = draft.FrozenRows, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } })
            { WorkbookViewId = 0, TabSelected = false }));
        }

        if (draft.ColumnWidths is { Length: > 0 } widths)
        {
            var columns = new Columns();
            for (var i = 0; i < widths.Length; i++)
            {
                columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths[i], CustomWidth = true });
            }

            worksheet.Append(columns);
        }

        var data = new SheetData();
        for (var r = 0; r < draft.Rows.Count; r++)
        {
            if (draft.Rows[r] is not { } cells)
            {
                continue;
            }

            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < cells.Length; c++)
            {
                var input = draft.InputCells.Contains((r, c));
                if (cells[c] is null && !input)
                {
                    continue;
                }

                row.Append(Cell(r, c, cells[c], input, draft.BoldRows.Contains(r)));
            }

            data.Append(row);
        }

        foreach (var (r, c) in draft.InputCells.Where(ic => ic.Row >= draft.Rows.Count || draft.Rows[ic.Row] is null || ic.Column >= draft.Rows[ic.Row]!.Length))
        {
            throw new InvalidOperationException($"Input cell {CellRef.Of(r, c)} on '{draft.Name}' is outside the rows written.");
        }

        worksheet.Append(data);
        if (draft.Filter && draft.Rows.Count > 0 && draft.Rows[0] is { Length: > 0 } header)
        {
            worksheet.Append(new AutoFilter { Reference = $"A1:{CellRef.Of(draft.Rows.Count - 1, header.Length - 1)}" });
        }

        if (draft.Validations.Count > 0)
        {
            var validations = new DataValidations { Count = (uint)draft.Validations.Count };
            foreach (var v in draft.Validations)
            {
                validations.Append(new DataValidation
                {
                    Type = DataValidationValues.List,
                    AllowBlank = true,
                    ShowErrorMessage = true,
                    ErrorTitle = "Choose from the list",
                    Error = "Choose one of: " + string.Join(", ", v.Choices),
                    SequenceOfReferences = new ListValue<StringValue> { InnerText = v.Range },
                    Formula1 = new Formula1("\"" + string.Join(",", v.Choices) + "\""),
                });
            }

            worksheet.Append(validations);
        }

        return worksheet;
    }

    private static Cell Cell(int r, int c, object? value, bool input, bool bold)
    {
        var cell = new Cell { CellReference = CellRef.Of(r, c) };
        var style = input ? StyleInput : bold ? StyleBold : StyleDefault;
        switch (value)
        {
            case null:
                break;
            case string s:
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(s) { Space = SpaceProcessingModeValues.Preserve });
                break;
            case DateTime dt:
                cell.CellValue = new CellValue(dt.ToOADate().ToString(CultureInfo.InvariantCulture));
                style = input ? StyleInputDate : StyleDate;
                break;
            case DateOnly d:
                cell.CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture));
                style = input ? StyleInputDate : StyleDate;
                break;
            case bool b:
                cell.DataType = CellValues.Boolean;
                cell.CellValue = new CellValue(b ? "1" : "0");
                break;
            case Currency money:
                cell.CellValue = new CellValue(money.Pounds.ToString(CultureInfo.InvariantCulture));
                style = StyleMoney;
                break;
            case Formula f:
                cell.CellFormula = new CellFormula(f.Expression);
                if (f.CachedValue is IConvertible cached and not string)
                {
                    cell.CellValue = new CellValue(Convert.ToDouble(cached, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                }
                else if (f.CachedValue is string text)
                {
                    cell.DataType = CellValues.String;
                    cell.CellValue = new CellValue(text);
                }

                break;
            case IConvertible number:
                cell.CellValue = new CellValue(Convert.ToDouble(number, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                throw new ArgumentException($"Cannot write a {value.GetType().Name} to cell {CellRef.Of(r, c)}.", nameof(value));
        }

        cell.StyleIndex = style;
        return cell;
    }

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = MoneyFormatId, FormatCode = "\"£\"#,##0.00;-\"£\"#,##0.00" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFFFF2CC" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(
            new Border(),
            new Border(
                new LeftBorder { Style = BorderStyleValues.Thin },
                new RightBorder { Style = BorderStyleValues.Thin },
                new TopBorder { Style = BorderStyleValues.Thin },
                new BottomBorder { Style = BorderStyleValues.Thin },
                new DiagonalBorder()))
        { Count = 2 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat(new Protection { Locked = false }) { FillId = 2, BorderId = 1, ApplyFill = true, ApplyBorder = true, ApplyProtection = true },
            new CellFormat(new Protection { Locked = false }) { FillId = 2, BorderId = 1, NumberFormatId = 14, ApplyFill = true, ApplyBorder = true, ApplyNumberFormat = true, ApplyProtection = true },
            new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = MoneyFormatId, ApplyNumberFormat = true })
        { Count = 6 });

    /// <summary>
    /// The same package with every zip entry stamped with <see cref="Stamp"/>: writing the same
    /// draft twice then gives the same bytes (the committed fixtures, the roll-up reports).
    /// </summary>
    public static byte[] Deterministic(byte[] package)
    {
        ArgumentNullException.ThrowIfNull(package);
        using var output = new MemoryStream();
        using (var source = new System.IO.Compression.ZipArchive(new MemoryStream(package), System.IO.Compression.ZipArchiveMode.Read))
        using (var target = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, System.IO.Compression.CompressionLevel.Optimal);
                copy.LastWriteTime = Stamp;
                using var from = entry.Open();
                using var to = copy.Open();
                from.CopyTo(to);
            }
        }

        return output.ToArray();
    }

    /// <summary>The workbook's bytes, the same for the same draft.</summary>
    public static byte[] ToBytes(WorkbookDraft draft)
    {
        using var buffer = new MemoryStream();
        Write(draft, buffer);
        return Deterministic(buffer.ToArray());
    }
}
