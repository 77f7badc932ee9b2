namespace BetterCare.Returns.Tests.Reading;

public class MacroEnabledWorkbookTests
{
    [Fact]
    public void MacroEnabledWorkbookIsRefused() => Refused.Once("macro-enabled.xlsm", "macro-enabled", "save it as a plain .xlsx");

    [Fact]
    public void MacroEnabledWorkbookRenamedXlsxIsStillRefused() => Refused.Once("macro-enabled-renamed.xlsx", "macro-enabled");
}
