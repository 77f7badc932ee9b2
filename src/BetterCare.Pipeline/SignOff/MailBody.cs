using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace BetterCare.Pipeline.SignOff;

/// <summary>Writes an email's HTML and plain-text bodies side by side, so they always say the same; every value is HTML-encoded.</summary>
public sealed class MailBody
{
    private readonly StringBuilder _html = new();
    private readonly StringBuilder _text = new();

    public MailBody Paragraph(string text)
    {
        _html.Append("<p>").Append(Encode(text)).Append("</p>\n");
        _text.Append(text).Append("\n\n");
        return this;
    }

    public MailBody Facts(IEnumerable<(string Label, string Value)> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        _html.Append("<table>\n");
        foreach (var (label, value) in facts)
        {
            _html.Append("<tr><th align=\"left\">").Append(Encode(label)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>\n");
            _text.Append(label).Append(": ").Append(value).Append('\n');
        }

        _html.Append("</table>\n");
        _text.Append('\n');
        return this;
    }

    public MailBody Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        _html.Append("<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\">\n<tr>");
        foreach (var h in header)
        {
            _html.Append("<th>").Append(Encode(h)).Append("</th>");
        }

        _html.Append("</tr>\n");
        foreach (var row in rows)
        {
            _html.Append("<tr>");
            foreach (var cell in row)
            {
                _html.Append("<td>").Append(Encode(cell)).Append("</td>");
            }

            _html.Append("</tr>\n");
            _text.Append("- ").Append(string.Join(" | ", row.Select((c, i) => i < header.Count ? $"{header[i]}: {c}" : c))).Append('\n');
        }

        _html.Append("</table>\n");
        _text.Append('\n');
        return this;
    }

    public MailBody Link(string label, string url)
    {
        _html.Append("<p><a href=\"").Append(Encode(url)).Append("\">").Append(Encode(label)).Append("</a></p>\n");
        _text.Append(label).Append(": ").Append(url).Append("\n\n");
        return this;
    }

    public (string Html, string Text) Build(string title) =>
        ($"<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>{Encode(title)}</title></head>\n<body>\n<h1>{Encode(title)}</h1>\n{_html}<p>Better Care Fund returns</p>\n</body></html>\n",
         $"{title}\n\n{_text}Better Care Fund returns\n");

    /// <summary>HTML-encodes markup characters and leaves letters such as £ and é readable.</summary>
    public static string Encode(string? text) => Encoder.Encode(text ?? string.Empty);

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
}
