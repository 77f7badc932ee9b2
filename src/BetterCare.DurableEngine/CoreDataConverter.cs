namespace BetterCare.DurableEngine;

/// <summary>
/// DurableTask.Core's serializer, made to write what the worker's shim reads: the same
/// System.Text.Json converter the orchestrator and activity classes use.
/// </summary>
internal sealed class CoreDataConverter(Microsoft.DurableTask.DataConverter inner) : DurableTask.Core.Serializing.DataConverter
{
    public override string Serialize(object value) => inner.Serialize(value)!;

    public override string Serialize(object value, bool formatted) => inner.Serialize(value)!;

    public override object Deserialize(string data, Type objectType) => inner.Deserialize(data, objectType)!;
}
