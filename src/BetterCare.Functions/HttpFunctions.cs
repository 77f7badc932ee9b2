using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace BetterCare.Functions;

/// <summary>
/// One HTTP-triggered function per row of the app's route table (<c>BetterCare.App.Apis.Routes</c>),
/// each only handing the request to that row's handler. The app does its own authentication (API
/// keys, or App Service Authentication's principal), so the functions are anonymous to the host.
/// Those that may start or signal an orchestration take the durable client.
/// </summary>
public sealed class HttpFunctions(RouteInvoker routes, FunctionsWorkflowClient workflow)
{
    [Function("UploadReturn")]
    public IResult UploadReturn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "returns")] HttpRequest request, [DurableClient] DurableTaskClient durable, FunctionContext context)
    {
        workflow.Use(durable);
        return routes.Handle("UploadReturn", request, context);
    }

    [Function("GetReturn")]
    public IResult GetReturn([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "returns/{submissionId}")] HttpRequest request, FunctionContext context) =>
        routes.Handle("GetReturn", request, context);

    [Function("RetryReturn")]
    public IResult RetryReturn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "returns/{submissionId}/retry")] HttpRequest request, [DurableClient] DurableTaskClient durable, FunctionContext context)
    {
        workflow.Use(durable);
        return routes.Handle("RetryReturn", request, context);
    }

    [Function("ListPeriodReturns")]
    public IResult ListPeriodReturns([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "periods/{period}/returns")] HttpRequest request, FunctionContext context) =>
        routes.Handle("ListPeriodReturns", request, context);

    [Function("PeriodAggregates")]
    public IResult PeriodAggregates([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "aggregates/{period}")] HttpRequest request, FunctionContext context) =>
        routes.Handle("PeriodAggregates", request, context);

    [Function("AggregateSeries")]
    public IResult AggregateSeries([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "aggregates")] HttpRequest request, FunctionContext context) =>
        routes.Handle("AggregateSeries", request, context);

    [Function("RunRollup")]
    public IResult RunRollup([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "rollups/{period}")] HttpRequest request, FunctionContext context) =>
        routes.Handle("RunRollup", request, context);

    [Function("ListRollups")]
    public IResult ListRollups([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "rollups/{period}")] HttpRequest request, FunctionContext context) =>
        routes.Handle("ListRollups", request, context);

    [Function("GetReport")]
    public IResult GetReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{period}/{file}")] HttpRequest request, FunctionContext context) =>
        routes.Handle("GetReport", request, context);

    [Function("ShowSignOff")]
    public IResult ShowSignOff([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "signoff/{token}")] HttpRequest request, FunctionContext context) =>
        routes.Handle("ShowSignOff", request, context);

    [Function("DecideSignOff")]
    public IResult DecideSignOff([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "signoff/{token}")] HttpRequest request, [DurableClient] DurableTaskClient durable, FunctionContext context)
    {
        workflow.Use(durable);
        return routes.Handle("DecideSignOff", request, context);
    }

    [Function("SignOffSummary")]
    public IResult SignOffSummary([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "signoff/{token}/summary")] HttpRequest request, FunctionContext context) =>
        routes.Handle("SignOffSummary", request, context);

    [Function("SignedSummary")]
    public IResult SignedSummary([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "returns/{submissionId}/signed-summary")] HttpRequest request, FunctionContext context) =>
        routes.Handle("SignedSummary", request, context);
}
