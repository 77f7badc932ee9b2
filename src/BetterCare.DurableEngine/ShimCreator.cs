using DurableTask.Core;

namespace BetterCare.DurableEngine;

/// <summary>Hands DurableTask.Core a fresh shim over one of the workflow's classes for each work item.</summary>
internal sealed class ShimCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> _create;

    public ShimCreator(string name, Func<T> create)
    {
        Name = name;
        Version = string.Empty;
        _create = create;
    }

    public override T Create() => _create();
}
