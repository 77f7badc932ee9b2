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
    public IResult UploadReturn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/returns")] HttpRequest request, [DurableClient] DurableTaskClient durable, FunctionContext context)
    {
        workflow.Use(durable);
        return routes.Handle("UploadReturn", request, context);
    }

    [Function("GetReturn")]
    public IResult GetReturn([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/returns/{submissionId}")] HttpRequest request, FunctionContext context) =>
        routes.Handle("GetReturn", request, context);

    [Function("RetryReturn")]
    public IResult RetryReturn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/returns/{submissionId}/retry")] HttpRequest request, [DurableClient] DurableTaskClient durable, FunctionContext context)
    {
        workflow.Use(durable);
        return routes.Handle("RetryReturn", request, context);
    }

    [Function("ListPeriodReturns")]
    public IResult ListPeriodReturns([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/periods/{period}/returns")] HttpRequest request, FunctionContext context) =>
        routes.Handle("ListPeriodReturns", request, context);

    [Function("PeriodAggregates")]
    public IResult PeriodAggregates([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/aggregates/{period}")] HttpRequest request, FunctionContext context) =>
        routes.Handle("PeriodAggregates", request, context);

    [Function("AggregateSeries")]
    public IResult AggregateSeries([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/aggregates")] HttpRequest request, FunctionContext context) =>
        routes.Handle("AggregateSeries", request, context);

    [Function("RunRollup")]
    public IResult RunRollup([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/rollups/{period}")] HttpRequest request, FunctionContext context) =>
        routes.Handle("RunRollup", request, context);

    [Function("ListRollups")]
    public IResult ListRollups([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/rollups/{period}")] HttpRequest request, FunctionContext context) =>
        routes.Handle("ListRollups", request, context);

    [Function("GetReport")]
    public IResult GetReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/{period}/{file}")] HttpRequest request, FunctionContext context) =>
        routes.Handle("GetReport", request, context);

    [Function("HomePage")]
    public IResult HomePage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = BetterCare.App.Apis.Route.RootRoute)] HttpRequest request, FunctionContext context) =>
        routes.Handle("HomePage", request, context);

    [Function("SignInPage")]
    public IResult SignInPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sign-in")] HttpRequest request, FunctionContext context) =>
        routes.Handle("SignInPage", request, context);

    [Function("SignIn")]
    public IResult SignIn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sign-in")] HttpRequest request, FunctionContext context) =>
        routes.Handle("SignIn", request, context);

    [Function("SignOut")]
    public IResult SignOut([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sign-out")] HttpRequest request, FunctionContext context) =>
        routes.Handle("SignOut", request, context);

    [Function("Asset")]
    public IResult Asset([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assets/{*path}")] HttpRequest request, FunctionContext context) =>
        routes.Handle("Asset", request, context);

    [Function("UploadPage")]
    public IResult UploadPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "upload")] HttpRequest request, FunctionContext context) =>
        routes.Handle("UploadPage", request, context);

    [Function("Upload")]
    public IResult Upload([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "upload")] HttpRequest request, [DurableClient] DurableTaskClient durable, FunctionContext context)
    {
        workflow.Use(durable);
        return routes.Handle("Upload", request, context);
    }

    [Function("TemplateDownload")]
    public IResult TemplateDownload([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "periods/{period}/template")] HttpRequest request, FunctionContext context) =>
        routes.Handle("TemplateDownload", request, context);

    [Function("SubmissionPage")]
    public IResult SubmissionPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "submissions/{submissionId}")] HttpRequest request, FunctionContext context) =>
        routes.Handle("SubmissionPage", request, context);

    [Function("SubmissionFile")]
    public IResult SubmissionFile([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "submissions/{submissionId}/file")] HttpRequest request, FunctionContext context) =>
        routes.Handle("SubmissionFile", request, context);

    [Function("Dashboard")]
    public IResult Dashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "periods/{period}/dashboard")] HttpRequest request, FunctionContext context) =>
        routes.Handle("Dashboard", request, context);

    [Function("DashboardDownload")]
    public IResult DashboardDownload([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "periods/{period}/dashboard/download")] HttpRequest request, FunctionContext context) =>
        routes.Handle("DashboardDownload", request, context);

    [Function("ReportDownload")]
    public IResult ReportDownload([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/{period}/{file}")] HttpRequest request, FunctionContext context) =>
        routes.Handle("ReportDownload", request, context);

    [Function("AdminPage")]
    public IResult AdminPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "admin")] HttpRequest request, FunctionContext context) =>
        routes.Handle("AdminPage", request, context);

    [Function("AdminRetry")]
    public IResult AdminRetry([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/retry/{submissionId}")] HttpRequest request, [DurableClient] DurableTaskClient durable, FunctionContext context)
    {
        workflow.Use(durable);
        return routes.Handle("AdminRetry", request, context);
    }

    [Function("AdminRollup")]
    public IResult AdminRollup([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "admin/rollup")] HttpRequest request, FunctionContext context) =>
        routes.Handle("AdminRollup", request, context);

    [Function("SubmissionRecord")]
    public IResult SubmissionRecord([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "submissions/{submissionId}/record")] HttpRequest request, FunctionContext context) =>
        routes.Handle("SubmissionRecord", request, context);

    [Function("SignOffPage")]
    public IResult SignOffPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sign-off/{token}")] HttpRequest request, FunctionContext context) =>
        routes.Handle("SignOffPage", request, context);

    [Function("SignOff")]
    public IResult SignOff([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sign-off/{token}")] HttpRequest request, [DurableClient] DurableTaskClient durable, FunctionContext context)
    {
        workflow.Use(durable);
        return routes.Handle("SignOff", request, context);
    }

    [Function("SignOffRecord")]
    public IResult SignOffRecord([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sign-off/{token}/record")] HttpRequest request, FunctionContext context) =>
        routes.Handle("SignOffRecord", request, context);
}
