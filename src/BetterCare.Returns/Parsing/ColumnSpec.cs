using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Parsing;

/// <summary>A column a table expects: its header as the template writes it, and other headers accepted for it.</summary>
public sealed class ColumnSpec
{
    private readonly HashSet<string> _keys;

    public ColumnSpec(string header, bool required, bool isMoney = false, params string[] aliases)
    {
        Header = header;
        Required = required;
        IsMoney = isMoney;
        _keys = new HashSet<string>(StringComparer.Ordinal) { Labels.Normalize(header) };
        foreach (var alias in aliases)
        {
            _keys.Add(Labels.Normalize(alias));
        }
    }

    public string Header { get; }

    public bool Required { get; }

    public bool IsMoney { get; }

    public bool Matches(string normalizedHeader) => _keys.Contains(normalizedHeader);

    public override string ToString() => Header;
}
