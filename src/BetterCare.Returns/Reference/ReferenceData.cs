using System.Globalization;
using BetterCare.Returns.Currency;
using BetterCare.Returns.Model;
using BetterCare.Returns.Reading;

namespace BetterCare.Returns.Reference;

public sealed record Area(string HwbCode, string HwbName, string County, string Region);

public sealed record Partner(string Code, string Name, string Type, string HwbCode);

public sealed record MinimumContribution(string FinancialYear, string HwbCode, string PartnerCode, Money Minimum, string Source);

/// <summary>
/// Areas, partners and minimum contributions (from <c>samples/reference/</c>): which HWBs
/// exist, who pays into each pool, and the least each partner must pay in a year.
/// </summary>
public sealed class ReferenceData
{
    public const string AreasFile = "areas.csv";
    public const string PartnersFile = "partners.csv";
    public const string MinimumsFile = "minimum-contributions.csv";

    private readonly Dictionary<string, Area> _areas;
    private readonly Dictionary<(string Hwb, string Code), Partner> _partnersByCode = [];
    private readonly Dictionary<(string Hwb, string Name), Partner> _partnersByName = [];
    private readonly Dictionary<(string Year, string Hwb, string Partner), MinimumContribution> _minimums = [];

    public ReferenceData(IEnumerable<Area> areas, IEnumerable<Partner> partners, IEnumerable<MinimumContribution> minimums)
    {
        _areas = areas.ToDictionary(a => a.HwbCode, StringComparer.OrdinalIgnoreCase);
        foreach (var p in partners)
        {
            _partnersByCode[(p.HwbCode.ToUpperInvariant(), p.Code.ToUpperInvariant())] = p;
            _partnersByName[(p.HwbCode.ToUpperInvariant(), Labels.Normalize(p.Name))] = p;
        }

        foreach (var m in minimums)
        {
            _minimums[(m.FinancialYear, m.HwbCode.ToUpperInvariant(), m.PartnerCode.ToUpperInvariant())] = m;
        }
    }

    public static ReferenceData Empty { get; } = new([], [], []);

    public IReadOnlyCollection<Area> Areas => _areas.Values;

    public IEnumerable<Partner> Partners => _partnersByCode.Values;

    public Area? Area(string? hwbCode) => hwbCode is null ? null : _areas.GetValueOrDefault(hwbCode.Trim());

    public IEnumerable<Partner> PartnersOf(string hwbCode) =>
        _partnersByCode.Values.Where(p => string.Equals(p.HwbCode, hwbCode, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds a return's partner by its code, else by its name.</summary>
    public Partner? FindPartner(string hwbCode, string? code, string? name)
    {
        var hwb = hwbCode.ToUpperInvariant();
        if (!string.IsNullOrWhiteSpace(code) && _partnersByCode.TryGetValue((hwb, code.Trim().ToUpperInvariant()), out var byCode))
        {
            return byCode;
        }

        return string.IsNullOrWhiteSpace(name) ? null : _partnersByName.GetValueOrDefault((hwb, Labels.Normalize(name)));
    }

    /// <summary>A partner's name as the reference data writes it, whichever HWB it pays into; null when the code is not there.</summary>
    public string? PartnerName(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var wanted = code.Trim().ToUpperInvariant();
        return _partnersByCode.Values.Where(p => p.Code.Equals(wanted, StringComparison.OrdinalIgnoreCase)).OrderBy(p => p.HwbCode, StringComparer.Ordinal).FirstOrDefault()?.Name;
    }

    public MinimumContribution? MinimumFor(FinancialYear year, string hwbCode, string partnerCode) =>
        _minimums.GetValueOrDefault((year.ToString(), hwbCode.ToUpperInvariant(), partnerCode.ToUpperInvariant()));

    public IEnumerable<MinimumContribution> MinimumsFor(FinancialYear year, string hwbCode) =>
        _minimums.Values.Where(m => m.FinancialYear == year.ToString() && string.Equals(m.HwbCode, hwbCode, StringComparison.OrdinalIgnoreCase));

    /// <summary>Loads the three CSVs from a folder. A missing file or malformed row is an <see cref="InvalidDataException"/> naming it.</summary>
    public static ReferenceData Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        return new ReferenceData(
            Read(directory, AreasFile, (r, s) => new Area(Csv.Field(r, "hwb_code", s), Csv.Field(r, "hwb_name", s), Csv.Field(r, "county", s), Csv.Field(r, "region", s))),
            Read(directory, PartnersFile, (r, s) => new Partner(Csv.Field(r, "partner_code", s), Csv.Field(r, "partner_name", s), Csv.Field(r, "partner_type", s), Csv.Field(r, "hwb_code", s))),
            Read(directory, MinimumsFile, (r, s) => new MinimumContribution(
                Csv.Field(r, "financial_year", s),
                Csv.Field(r, "hwb_code", s),
                Csv.Field(r, "partner_code", s),
                Money.FromPounds(long.TryParse(Csv.Field(r, "minimum_contribution_gbp", s), NumberStyles.None, CultureInfo.InvariantCulture, out var gbp)
                    ? gbp
                    : throw new InvalidDataException($"{s}: '{Csv.Field(r, "minimum_contribution_gbp", s)}' is not a whole number of pounds.")),
                Csv.Field(r, "source", s))));
    }

    private static List<T> Read<T>(string directory, string file, Func<IReadOnlyDictionary<string, string>, string, T> map)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            throw new InvalidDataException($"Reference data file '{file}' is missing from '{directory}'.");
        }

        using var reader = new StreamReader(path);
        return Csv.ReadRecords(reader, file).Select(r => map(r, file)).ToList();
    }

    /// <summary>Finds samples/reference by walking up from a folder (the app's, by default).</summary>
    public static string? FindDefaultDirectory(string? start = null)
    {
        var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory);
        while (dir is not null)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "reference"), Path.Combine(dir.FullName, "samples", "reference") })
            {
                if (File.Exists(Path.Combine(candidate, AreasFile)))
                {
                    return candidate;
                }
            }

            dir = dir.Parent;
        }

        return null;
    }
}
