using System.Text;

namespace BetterCare.Returns.Reference;

/// <summary>A small RFC 4180 reader for the reference CSVs: header row, quoted fields, doubled quotes.</summary>
public static class Csv
{
    public static IEnumerable<IReadOnlyDictionary<string, string>> ReadRecords(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string[]? header = null;
        var lineNumber = 0;
        foreach (var fields in ReadRows(reader))
        {
            lineNumber++;
            if (header is null)
            {
                header = fields.Select(f => f.Trim()).ToArray();
                continue;
            }

            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (fields.Count != header.Length)
            {
                throw new InvalidDataException($"{source} line {lineNumber}: {fields.Count} fields where the header has {header.Length}.");
            }

            var record = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++)
            {
                record[header[i]] = fields[i].Trim();
            }

            yield return record;
        }
    }

    public static string Field(IReadOnlyDictionary<string, string> record, string column, string source) =>
        record.TryGetValue(column, out var value)
            ? value
            : throw new InvalidDataException($"{source} has no column '{column}'.");

    public static IEnumerable<IReadOnlyList<string>> ReadRows(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        int c;
        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return fields;
                    fields = [];
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
