using System.Text;
using System.Xml;
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

    private readonly ReaderLimits _limits;

    public WorkbookReader(ReaderLimits? limits = null) => _limits = limits ?? ReaderLimits.Default;

    public WorkbookReadResult Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
            return Read(stream, Path.GetFileName(path));
        }
        catch (IOException e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return WorkbookReadResult.Unreadable("the file does not exist");
        }
        catch (UnauthorizedAccessException)
        {
            return WorkbookReadResult.Unreadable("the file cannot be opened (permission denied)");
        }
    }

    public WorkbookReadResult Read(Stream stream, string fileName)
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
            return WorkbookReadResult.Unreadable("the file is empty");
        }

        var kind = FileSniffer.Sniff(seekable);
        if (kind == FileSniffer.Kind.NotSpreadsheet)
        {
            return WorkbookReadResult.Unreadable("it is not a spreadsheet (expected an .xlsx or .xls workbook)");
        }

        if (kind == FileSniffer.Kind.OpenXml)
        {
            var problem = FileSniffer.CheckPackage(seekable, _limits);
            if (problem is not null)
            {
                return WorkbookReadResult.Unreadable(problem);
            }
        }

        try
        {
            return ReadSheets(seekable, fileName);
        }
        catch (InvalidPasswordException)
        {
            return WorkbookReadResult.Unreadable("it is password-protected or encrypted; remove the password and upload it again");
        }
        catch (Exception e) when (e is ExcelReaderException or InvalidDataException or XmlException or EndOfStreamException
                                      or NotSupportedException or FormatException or IndexOutOfRangeException
                                      or ArgumentException or InvalidOperationException or OverflowException or IOException)
        {
            return WorkbookReadResult.Unreadable("it is damaged or truncated (" + Describe(e) + ")");
        }
    }

    private WorkbookReadResult ReadSheets(Stream stream, string fileName)
    {
        var sheets = new Dictionary<TemplateSheet, SheetData>();
        using var reader = ExcelReaderFactory.CreateReader(stream, new ExcelReaderConfiguration { LeaveOpen = true });
        do
        {
            if (!TemplateSheets.TryMatch(reader.Name ?? string.Empty, out var which) || sheets.ContainsKey(which))
            {
                continue;
            }

            var rows = new List<SheetRow>();
            var rowIndex = -1;
            while (reader.Read())
            {
                rowIndex++;
                var row = ReadRow(reader, rowIndex);
                if (row is null)
                {
                    continue;
                }

                if (rows.Count == _limits.MaxUsedRows)
                {
                    return WorkbookReadResult.Unreadable(
                        $"sheet '{reader.Name}' has more than {_limits.MaxUsedRows:N0} used rows, more than any return needs");
                }

                rows.Add(row);
            }

            sheets[which] = new SheetData(reader.Name ?? which.DisplayName(), rows);
        }
        while (reader.NextResult());

        return WorkbookReadResult.Ok(new WorkbookData(fileName, sheets));
    }

    private SheetRow? ReadRow(IExcelDataReader reader, int rowIndex)
    {
        var width = Math.Min(reader.FieldCount, _limits.MaxColumns);
        var last = -1;
        for (var c = width - 1; c >= 0; c--)
        {
            if (!Labels.IsBlank(reader.GetValue(c)))
            {
                last = c;
                break;
            }
        }

        if (last < 0)
        {
            return null;
        }

        var cells = new object?[last + 1];
        for (var c = 0; c <= last; c++)
        {
            var value = reader.GetValue(c);
            cells[c] = value is string s && string.IsNullOrWhiteSpace(s) ? null : value;
        }

        return new SheetRow(rowIndex, cells);
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

    private WorkbookReadResult TooLarge() =>
        WorkbookReadResult.Unreadable($"it is larger than the {_limits.MaxFileBytes / (1024 * 1024)} MB limit for a return");

    private static string Describe(Exception e)
    {
        var message = e.Message.ReplaceLineEndings(" ");
        return message.Length > 160 ? message[..160] + "…" : message;
    }
}
