using BetterCare.Pipeline.Workflow;

namespace BetterCare.Workflow.Tests;

/// <summary>What a failed submission says to the people who see it: plain words, never a storage service's raw answer.</summary>
public class FailureReasonTests
{
    [Fact]
    public void AStorageServicesRawAnswerIsReplacedByPlainWords()
    {
        const string raw = "The property value exceeds the maximum allowed size (64KB). If the property value is a string, it is UTF-16 encoded and the maximum number of characters should be 32K or less.\nRequestId:4f0b1b8e-0000\nTime:2026-12-01T10:00:00Z\r\nStatus: 400 (Bad Request)\r\nErrorCode: PropertyValueTooLarge\r\n\r\nHeaders:\r\nServer: Azurite-Table/3.35.0";

        var shown = SubmissionWorkflow.Plain(raw);

        Assert.StartsWith("the service's storage refused to save or read this return", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("ErrorCode", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Azurite", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void AnyOtherReasonIsKeptOnOneLineAndCut()
    {
        var shown = SubmissionWorkflow.Plain("the uploaded file left the inbox\r\nbefore it was archived" + new string('.', 400));

        Assert.StartsWith("the uploaded file left the inbox before it was archived", shown, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', shown);
        Assert.True(shown.Length <= 301, $"{shown.Length} characters");
    }
}
