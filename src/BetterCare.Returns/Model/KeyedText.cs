using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Model;

/// <summary>A text that the cells of a column share, and its key (<see cref="Labels.Normalize"/>), worked out once.</summary>
internal sealed record KeyedText(string Text, string Key);
