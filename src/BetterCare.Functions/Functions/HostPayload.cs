using System.Text.Json;

namespace BetterCare.Functions.Functions;

/// <summary>
/// The body the Functions host posts to <c>/{FunctionName}</c>: <c>{"Data": {...}, "Metadata": {...}}</c>,
/// read leniently, since the host JSON-serialises primitives a second time ("\"hello\"", "4").
/// </summary>
public sealed class HostPayload
{
    private readonly JsonElement _data;
    private readonly JsonElement _metadata;

    private HostPayload(JsonElement data, JsonElement metadata)
    {
        _data = data;
        _metadata = metadata;
    }

    /// <summary>Reads a payload; null (with why) when the body is not one.</summary>
    public static HostPayload? TryParse(string body, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !TryGet(root, "Data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                problem = "the body has no \"Data\" object";
                return null;
            }

            var metadata = TryGet(root, "Metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m.Clone() : default;
            return new HostPayload(data.Clone(), metadata);
        }
        catch (JsonException)
        {
            problem = "the body is not JSON";
            return null;
        }
    }

    /// <summary>A binding's value as text: unwrapped when double-encoded, raw JSON for an object.</summary>
    public string? Data(string binding) => TryGet(_data, binding, out var value) ? Text(value) : null;

    public string? Metadata(string name) => _metadata.ValueKind == JsonValueKind.Object && TryGet(_metadata, name, out var value) ? Text(value) : null;

    /// <summary>A metadata object (e.g. a blob's Properties), parsed from a string when the host sent it as one.</summary>
    public JsonElement? MetadataObject(string name)
    {
        if (_metadata.ValueKind != JsonValueKind.Object || !TryGet(_metadata, name, out var value))
        {
            return null;
        }

        for (var i = 0; i < 2 && value.ValueKind == JsonValueKind.String; i++)
        {
            try
            {
                using var inner = JsonDocument.Parse(value.GetString()!);
                value = inner.RootElement.Clone();
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return value.ValueKind == JsonValueKind.Object ? value : null;
    }

    public int? MetadataInt(string name) =>
        int.TryParse(Metadata(name), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>A property of an object (case-insensitive), itself perhaps double-encoded.</summary>
    public static string? Property(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } o && TryGet(o, name, out var value) ? Text(value) : null;

    private static string? Text(JsonElement value)
    {
        value = Unwrap(value);
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        };
    }

    /// <summary>A string that itself holds JSON ("\"hello\"", "{...}") is read once more.</summary>
    private static JsonElement Unwrap(JsonElement value)
    {
        for (var i = 0; i < 2 && value.ValueKind == JsonValueKind.String; i++)
        {
            var text = value.GetString()!;
            if (text.Length < 2 || !(text[0] == '"' || text[0] == '{' || text[0] == '['))
            {
                break;
            }

            try
            {
                using var inner = JsonDocument.Parse(text);
                var next = inner.RootElement.Clone();
                if (next.ValueKind is JsonValueKind.Object or JsonValueKind.Array && text[0] != '"')
                {
                    // Plain JSON text (e.g. a queue message that is JSON) is the value itself.
                    break;
                }

                value = next;
            }
            catch (JsonException)
            {
                break;
            }
        }

        return value;
    }

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
