using BetterCare.Returns.Model;
using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Parsing;

/// <summary>
/// Makes a column's text cells so that a text the column repeats (a funding partner, a scheme
/// type) is kept once, with its key, rather than once per row. The first
/// <see cref="Capacity"/> different texts are pooled; a column of unique values (an ID, a name)
/// fills the pool and is then left alone.
/// </summary>
internal sealed class TextPool
{
    public const int Capacity = 64;

    private readonly Dictionary<string, KeyedText> _texts = new(StringComparer.Ordinal);

    public CellValue Cell(string sheet, CellAddress address, object? value)
    {
        // A column that has filled the pool is taken for one of unique values: no more look-ups.
        if (value is not string text || _texts.Count == Capacity)
        {
            return new CellValue(sheet, address, value);
        }

        if (_texts.TryGetValue(text, out var pooled))
        {
            return CellValue.Repeated(sheet, address, pooled);
        }

        var keyed = new KeyedText(text, Labels.Normalize(Labels.Text(text)));
        _texts.Add(text, keyed);
        return CellValue.Repeated(sheet, address, keyed);
    }
}
