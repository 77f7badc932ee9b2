using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;

namespace BetterCare.Returns.Reading;

/// <summary>
/// Reads the template's sheets out of an .xlsx or .xls file. Sheets the template does not
/// know are skipped unread. Any way the file cannot be read comes back as a plain reason
/// (for FILE-UNREADABLE), never as an exception.
/// </summary>
public sealed class WorkbookReader
{
    static WorkbookReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The most rows a sheet can have in any version of Excel.</summary>
    private const int ExcelMaxRows = 1_048_576;

    private readonly ReaderLimits _limits;

    public WorkbookReader(ReaderLimits? limits = null) => _limits = limits ?? ReaderLimits.Default;

    public WorkbookReadResult Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sheets = new SheetCollector();
        return Result(Path.GetFileName(path), sheets, Read(path, sheets));
    }

    public WorkbookReadResult Read(Stream stream, string fileName)
    {
        var sheets = new SheetCollector();
        return Result(fileName, sheets, Read(stream, sheets));
    }

    /// <summary>
    /// The Cover alone (to learn whose return a file is, and for which period), with the same
    /// refusals as a whole read: the other sheets are passed over unread.
    /// </summary>
    public WorkbookReadResult ReadCover(Stream stream, string fileName)
    {
        var sheets = new SheetCollector();
        return Result(fileName, sheets, Read(stream, sheets, only: TemplateSheet.Cover));
    }

    /// <summary>Reads the file's template sheets into <paramref name="target"/>; returns why the file cannot be read, or null.</summary>
    internal string? Read(string path, ISheetRowTarget target)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
            return Read(stream, target);
        }
        catch (IOException e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return "the file does not exist";
        }
        catch (UnauthorizedAccessException)
        {
            return "the file cannot be opened (permission denied)";
        }
    }

    /// <summary>
    /// Reads the workbook's template sheets into <paramref name="target"/>, row by row; returns
    /// why the file cannot be read, or null. When it is unreadable, what the target was given is moot.
    /// </summary>
    internal string? Read(Stream stream, ISheetRowTarget target, TemplateSheet? only = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var seekable = stream.CanSeek ? stream : Buffer(stream);
        if (seekable is null)
        {
            return TooLarge();
        }

        if (seekable.Length > _limits.MaxFileBytes)
        {
            return TooLarge();
        }

        if (seekable.Length == 0)
        {
            return "the file is empty";
        }

        var kind = FileSniffer.Sniff(seekable);
        if (kind == FileSniffer.Kind.NotSpreadsheet)
        {
            return "it is not a spreadsheet (expected an .xlsx or .xls workbook)";
        }

        if (kind == FileSniffer.Kind.OpenXml)
        {
            var problem = FileSniffer.CheckPackage(seekable, _limits);
            if (problem is not null)
            {
                return problem;
            }
        }

        try
        {
            return ReadSheets(seekable, target, only);
        }
        catch (InvalidPasswordException)
        {
            return "it is password-protected or encrypted; remove the password and upload it again";
        }
        catch (Exception e) when (IsDamage(e))
        {
            return "it is damaged or truncated (" + Describe(e) + ")";
        }
    }

    private static WorkbookReadResult Result(string fileName, SheetCollector sheets, string? problem) =>
        problem is null ? WorkbookReadResult.Ok(new WorkbookData(fileName, sheets.Sheets) { Cleaned = sheets.CleanedCells }) : WorkbookReadResult.Unreadable(problem);

    private string? ReadSheets(Stream stream, ISheetRowTarget target, TemplateSheet? only)
    {
        var seen = new HashSet<TemplateSheet>();
        using var reader = ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { LeaveOpen = true });
        do
        {
            if (!TemplateSheets.TryMatch(reader.Name ?? string.Empty, out var which) || seen.Contains(which) || (only is { } wanted && which != wanted))
            {
                continue;
            }

            // A damaged .xls can claim two billion rows, and ExcelDataReader walks them all,
            // blank, before it returns the first: refuse what no version of Excel could write.
            if (reader.RowCount > ExcelMaxRows)
            {
                return FormattableString.Invariant($"it is damaged: sheet '{reader.Name}' claims {reader.RowCount:N0} rows, more than Excel allows");
            }

            seen.Add(which);

            // The row count sizes the target's lists (capped at the limit): no regrowing, and under the large object heap.
            target.StartSheet(which, reader.Name ?? which.DisplayName(), Math.Clamp(reader.RowCount, 0, Math.Max(0, _limits.MaxUsedRows)));
            var buffer = new object?[Math.Max(0, _limits.MaxColumns)];
            var rowIndex = -1;
            var used = 0;
            while (reader.Read())
            {
                rowIndex++;
                var row = ReadRow(reader, rowIndex, buffer, target);
                if (row is null)
                {
                    continue;
                }

                if (used == _limits.MaxUsedRows)
                {
                    return FormattableString.Invariant($"sheet '{reader.Name}' has more than {_limits.MaxUsedRows:N0} used rows, more than any return needs");
                }

                used++;
                target.Add(row);
            }

            target.EndSheet();
        }
        while (reader.NextResult());

        return null;
    }

    private SheetRow? ReadRow(IExcelDataReader reader, int rowIndex, object?[] buffer, ISheetRowTarget target)
    {
        // Each cell is read once, into a buffer as wide as the widest row read.
        var width = Math.Min(reader.FieldCount, Math.Min(_limits.MaxColumns, buffer.Length));
        var last = -1;
        for (var c = 0; c < width; c++)
        {
            var value = reader.GetValue(c);
            if (value is string text)
            {
                // Text is made safe here, once, before anything else sees it.
                value = CellText.Clean(text, out var change);
                if (change is not null)
                {
                    target.Cleaned(new CellAddress(rowIndex, c), change);
                }
            }

            if (Labels.IsBlank(value))
            {
                buffer[c] = null;
            }
            else
            {
                buffer[c] = value;
                last = c;
            }
        }

        return last < 0 ? null : new SheetRow(rowIndex, buffer[..(last + 1)]);
    }

    private Stream? Buffer(Stream source)
    {
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (copy.Length + n > _limits.MaxFileBytes)
            {
                return null;
            }

            copy.Write(buffer, 0, n);
        }

        copy.Position = 0;
        return copy;
    }

    private string TooLarge() => $"it is larger than the {ReaderLimits.Describe(_limits.MaxFileBytes)} limit for a return";

    /// <summary>
    /// Whether an exception thrown while parsing is the file's fault. ExcelDataReader throws
    /// whatever its parsing of hostile bytes runs into (a corrupt .xls can end in a
    /// NullReferenceException), so anything but running out of memory or being cancelled is
    /// taken for damage.
    /// </summary>
    private static bool IsDamage(Exception e) => e is not (OutOfMemoryException or OperationCanceledException);

    private static string Describe(Exception e)
    {
        var message = e.Message.ReplaceLineEndings(" ");
        return message.Length > 160 ? message[..160] + "…" : message;
    }
}
