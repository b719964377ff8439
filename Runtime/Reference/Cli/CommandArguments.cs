using System;
using System.Collections.Generic;
using System.Globalization;

namespace SocketAnalyzers.Reference.Cli
{
    /// <summary>Thrown for a command line that cannot be understood; the program prints it with the usage and exits with 2.</summary>
    internal sealed class UsageException : Exception
    {
        public UsageException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// The arguments of one command: <c>--name value</c> options (repeatable), <c>--flag</c> switches and positional values.
    /// A token that starts with '-' followed by a digit (<c>-5</c>) is a value, so negative operands need no quoting.
    /// After <c>--</c> every token is positional.
    /// </summary>
    internal sealed class CommandArguments
    {
        private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
        private readonly HashSet<string> _flags = new(StringComparer.Ordinal);

        private CommandArguments()
        {
        }

        public List<string> Positionals { get; } = new();

        public static CommandArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> flagOptions)
        {
            var result = new CommandArguments();
            var values = new HashSet<string>(valueOptions, StringComparer.Ordinal);
            var flags = new HashSet<string>(flagOptions, StringComparer.Ordinal);
            for (var i = 0; i < args.Count; i++)
            {
                var token = args[i];
                if (token == "--")
                {
                    for (i++; i < args.Count; i++)
                    {
                        result.Positionals.Add(args[i]);
                    }

                    break;
                }

                if (!IsOptionToken(token))
                {
                    result.Positionals.Add(token);
                    continue;
                }

                string name = token;
                string? inlineValue = null;
                var equals = token.IndexOf('=');
                if (equals > 0)
                {
                    name = token.Substring(0, equals);
                    inlineValue = token.Substring(equals + 1);
                }

                if (flags.Contains(name) && inlineValue is null)
                {
                    result._flags.Add(name);
                }
                else if (values.Contains(name))
                {
                    string value;
                    if (inlineValue is not null)
                    {
                        value = inlineValue;
                    }
                    else if (i + 1 < args.Count)
                    {
                        value = args[++i];
                    }
                    else
                    {
                        throw new UsageException($"option {name} needs a value");
                    }

                    if (!result._values.TryGetValue(name, out var list))
                    {
                        list = new List<string>();
                        result._values.Add(name, list);
                    }

                    list.Add(value);
                }
                else
                {
                    throw new UsageException($"unknown option {name}");
                }
            }

            return result;
        }

        public bool Has(string flag) => _flags.Contains(flag);

        public string? Get(string name) => _values.TryGetValue(name, out var list) ? list[list.Count - 1] : null;

        public IReadOnlyList<string> GetAll(string name) => _values.TryGetValue(name, out var list) ? list : Array.Empty<string>();

        public string GetRequired(string name) => Get(name) ?? throw new UsageException($"option {name} is required");

        public int GetInt32(string name, int defaultValue, int min, int max)
        {
            var text = Get(name);
            if (text is null)
            {
                return defaultValue;
            }

            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                throw new UsageException($"option {name} must be an integer from {min} to {max}, not '{text}'");
            }

            return value;
        }

        public TimeSpan GetSeconds(string name, double defaultSeconds)
        {
            var text = Get(name);
            if (text is null)
            {
                return TimeSpan.FromSeconds(defaultSeconds);
            }

            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || seconds < 0 || seconds > 86400)
            {
                throw new UsageException($"option {name} must be a number of seconds from 0 to 86400, not '{text}'");
            }

            return TimeSpan.FromSeconds(seconds);
        }

        public void ExpectNoPositionals()
        {
            if (Positionals.Count > 0)
            {
                throw new UsageException($"unexpected argument '{Positionals[0]}'");
            }
        }

        private static bool IsOptionToken(string token) =>
            token.Length > 1 && token[0] == '-' && !char.IsDigit(token[1]);
    }
}
