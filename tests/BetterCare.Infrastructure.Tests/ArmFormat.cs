using System.Globalization;
using System.Text;

namespace BetterCare.Infrastructure.Tests;

/// <summary>
/// Resolves the one kind of ARM expression a snapshot leaves in string settings that matter here:
/// <c>[format('...{0}...', 'literal', 7, environment().suffixes.keyvaultDns)]</c>. String and number
/// arguments are used as they are, <c>environment()</c> suffixes as in Azure's public cloud; any
/// other argument (e.g. <c>reference(...)</c>, known only after deployment) becomes <c>&lt;runtime&gt;</c>.
/// Values that are not expressions come back unchanged.
/// </summary>
public static class ArmFormat
{
    public const string Runtime = "<runtime>";

    private static readonly Dictionary<string, string> PublicCloud = new(StringComparer.Ordinal)
    {
        ["environment().suffixes.keyvaultDns"] = ".vault.azure.net",
        ["environment().suffixes.storage"] = "core.windows.net",
    };

    public static string Resolve(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        const string prefix = "[format(";
        if (!value.StartsWith(prefix, StringComparison.Ordinal) || !value.EndsWith(")]", StringComparison.Ordinal))
        {
            return value.StartsWith('[') && !value.StartsWith("[[", StringComparison.Ordinal) ? Runtime : value;
        }

        var arguments = SplitArguments(value[prefix.Length..^2]);
        var format = arguments[0];
        var text = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '{')
            {
                var end = format.IndexOf('}', i);
                var index = int.Parse(format[(i + 1)..end], CultureInfo.InvariantCulture);
                text.Append(arguments[index + 1]);
                i = end;
            }
            else
            {
                text.Append(format[i]);
            }
        }

        return text.ToString();
    }

    /// <summary>Top-level arguments: quoted strings unquoted, known environment() values resolved.</summary>
    private static List<string> SplitArguments(string list)
    {
        var arguments = new List<string>();
        var i = 0;
        while (i < list.Length)
        {
            while (i < list.Length && list[i] == ' ')
            {
                i++;
            }

            if (i == list.Length)
            {
                break;
            }

            if (list[i] == '\'')
            {
                var literal = new StringBuilder();
                for (i++; ; i++)
                {
                    if (list[i] == '\'' && i + 1 < list.Length && list[i + 1] == '\'')
                    {
                        literal.Append('\'');
                        i++;
                    }
                    else if (list[i] == '\'')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        literal.Append(list[i]);
                    }
                }

                arguments.Add(literal.ToString());
            }
            else
            {
                var start = i;
                var depth = 0;
                var quoted = false;
                for (; i < list.Length && (quoted || depth > 0 || list[i] != ','); i++)
                {
                    if (list[i] == '\'')
                    {
                        quoted = !quoted;
                    }
                    else if (!quoted && list[i] is '(' or '[')
                    {
                        depth++;
                    }
                    else if (!quoted && list[i] is ')' or ']')
                    {
                        depth--;
                    }
                }

                var expression = list[start..i].Trim();
                arguments.Add(
                    PublicCloud.TryGetValue(expression, out var known) ? known
                    : long.TryParse(expression, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? expression
                    : Runtime);
            }

            while (i < list.Length && list[i] is ' ' or ',')
            {
                i++;
            }
        }

        return arguments;
    }
}
