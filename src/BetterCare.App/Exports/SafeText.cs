namespace BetterCare.App.Exports;

/// <summary>
/// Text bound for a spreadsheet: a value that begins with =, +, -, @ (or a tab or carriage
/// return) would be read as a formula, so it is prefixed with an apostrophe and shown as text.
/// </summary>
public static class SafeText
{
    public static string Neutralise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
    }
}
