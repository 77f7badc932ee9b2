using System.Collections.Concurrent;
using BetterCare.App.Apis;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace BetterCare.Functions;

/// <summary>
/// Runs a route's handler (<see cref="Routes"/>) for an HTTP-triggered function, as the standalone
/// host's endpoint routing would: the path's parameters from the trigger's binding data, the
/// handler's services from the request's. Each route's request delegate is built once.
/// </summary>
public sealed class RouteInvoker(IServiceProvider services)
{
    private readonly ConcurrentDictionary<string, RequestDelegate> _delegates = new(StringComparer.Ordinal);

    public IResult Handle(string routeName, HttpRequest request, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var route = Routes.Named(routeName);
        foreach (var parameter in route.Parameters)
        {
            if (context.BindingContext.BindingData.TryGetValue(parameter, out var value) && value is not null)
            {
                request.RouteValues[parameter] = value.ToString();
            }
        }

        return new Handled(_delegates.GetOrAdd(routeName, _ => RequestDelegateFactory.Create(
            route.Handler, new RequestDelegateFactoryOptions { ServiceProvider = services, RouteParameterNames = route.Parameters }).RequestDelegate));
    }

    /// <summary>The response is the handler's: it writes to the request's own HttpContext.</summary>
    private sealed class Handled(RequestDelegate handler) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => handler(httpContext);
    }
}
