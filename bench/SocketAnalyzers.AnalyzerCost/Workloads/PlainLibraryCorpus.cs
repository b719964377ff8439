using System;
using System.Collections.Generic;
using System.Globalization;

namespace SocketAnalyzers.AnalyzerCost.Workloads
{
    /// <summary>
    /// Workload b): a library that never uses a socket: collections, string processing, LINQ, async, streams on
    /// files. It names no type of <c>System.Net</c> and no byte-order helper, so every cycle an analyzer of the
    /// package spends here is overhead. Deterministic.
    /// </summary>
    internal static class PlainLibraryCorpus
    {
        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.IO;
            using System.Linq;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;

            """;

        private static readonly Func<int, string>[] Templates =
        {
            Inventory,
            TextTools,
            ReportBuilder,
            FileStore,
            Graph,
        };

        /// <summary>Files (name, text) of about <paramref name="targetLines"/> lines in all (at least one round).</summary>
        public static IReadOnlyList<KeyValuePair<string, string>> Generate(int targetLines)
        {
            var files = new List<KeyValuePair<string, string>>();
            var lines = 0;
            for (var round = 0; round == 0 || lines < targetLines; round++)
            {
                for (var t = 0; t < Templates.Length; t++)
                {
                    var text = Usings + Templates[t](round);
                    lines += DenseSocketCorpus.CountLines(text);
                    files.Add(new KeyValuePair<string, string>($"Plain{round:D3}_{t}.cs", text));
                }
            }

            return files;
        }

        private static string N(int i) => i.ToString(CultureInfo.InvariantCulture);

        private static string Inventory(int i) => $$"""
            namespace Plain.Inventory{{N(i)}}
            {
                public sealed record Item{{N(i)}}(string Sku, string Category, decimal Price, int Quantity);

                /// <summary>An in-memory inventory with grouping and LINQ queries.</summary>
                public sealed class Inventory{{N(i)}}
                {
                    private readonly Dictionary<string, Item{{N(i)}}> bySku = new Dictionary<string, Item{{N(i)}}>(StringComparer.Ordinal);
                    private readonly SortedDictionary<string, List<string>> byCategory = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);

                    public int Count => bySku.Count;

                    public void Add(Item{{N(i)}} item)
                    {
                        if (item is null)
                        {
                            throw new ArgumentNullException(nameof(item));
                        }

                        bySku[item.Sku] = item;
                        if (!byCategory.TryGetValue(item.Category, out var skus))
                        {
                            skus = new List<string>();
                            byCategory.Add(item.Category, skus);
                        }

                        skus.Add(item.Sku);
                    }

                    public bool Remove(string sku)
                    {
                        if (!bySku.Remove(sku, out var item))
                        {
                            return false;
                        }

                        var skus = byCategory[item.Category];
                        skus.Remove(sku);
                        if (skus.Count == 0)
                        {
                            byCategory.Remove(item.Category);
                        }

                        return true;
                    }

                    public decimal TotalValue() => bySku.Values.Sum(x => x.Price * x.Quantity);

                    public IReadOnlyList<(string Category, decimal Value)> ValueByCategory()
                        => bySku.Values
                            .GroupBy(x => x.Category, StringComparer.Ordinal)
                            .Select(g => (g.Key, g.Sum(x => x.Price * x.Quantity)))
                            .OrderByDescending(t => t.Item2)
                            .ThenBy(t => t.Key, StringComparer.Ordinal)
                            .ToList();

                    public IEnumerable<Item{{N(i)}}> LowStock(int threshold)
                    {
                        foreach (var pair in byCategory)
                        {
                            foreach (var sku in pair.Value)
                            {
                                var item = bySku[sku];
                                if (item.Quantity < threshold)
                                {
                                    yield return item;
                                }
                            }
                        }
                    }

                    public Item{{N(i)}}? MostExpensive(string category)
                    {
                        Item{{N(i)}}? best = null;
                        if (!byCategory.TryGetValue(category, out var skus))
                        {
                            return null;
                        }

                        for (int k = 0; k < skus.Count; k++)
                        {
                            var item = bySku[skus[k]];
                            if (best is null || item.Price > best.Price)
                            {
                                best = item;
                            }
                        }

                        return best;
                    }
                }
            }

            """;

        private static string TextTools(int i) => $$"""
            namespace Plain.Text{{N(i)}}
            {
                /// <summary>String processing: tokenizing, casing, counting, escaping.</summary>
                public static class TextTools{{N(i)}}
                {
                    private static readonly char[] Separators = { ' ', '\t', ',', ';', '.', '!', '?' };

                    public static string[] Words(string text)
                        => text.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

                    public static Dictionary<string, int> Frequencies(string text)
                    {
                        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                        foreach (var word in Words(text))
                        {
                            counts.TryGetValue(word, out var n);
                            counts[word] = n + 1;
                        }

                        return counts;
                    }

                    public static string TitleCase(string text)
                    {
                        var builder = new StringBuilder(text.Length);
                        bool start = true;
                        foreach (char c in text)
                        {
                            builder.Append(start ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
                            start = char.IsWhiteSpace(c);
                        }

                        return builder.ToString();
                    }

                    public static string Escape(string text)
                    {
                        var builder = new StringBuilder();
                        for (int k = 0; k < text.Length; k++)
                        {
                            switch (text[k])
                            {
                                case '"':
                                    builder.Append("\\\"");
                                    break;
                                case '\\':
                                    builder.Append("\\\\");
                                    break;
                                case '\n':
                                    builder.Append("\\n");
                                    break;
                                default:
                                    builder.Append(text[k]);
                                    break;
                            }
                        }

                        return builder.ToString();
                    }

                    public static bool TryParseKeyValue(string line, out string key, out int value)
                    {
                        key = string.Empty;
                        value = 0;
                        int eq = line.IndexOf('=');
                        if (eq <= 0)
                        {
                            return false;
                        }

                        key = line.Substring(0, eq).Trim();
                        return int.TryParse(line.AsSpan(eq + 1).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
                    }

                    public static string Longest(IEnumerable<string> words)
                        => words.OrderByDescending(w => w.Length).ThenBy(w => w, StringComparer.Ordinal).FirstOrDefault() ?? string.Empty;
                }
            }

            """;

        private static string ReportBuilder(int i) => $$"""
            namespace Plain.Reports{{N(i)}}
            {
                public sealed class Sale{{N(i)}}
                {
                    public Sale{{N(i)}}(string region, DateTime day, double amount)
                    {
                        Region = region;
                        Day = day;
                        Amount = amount;
                    }

                    public string Region { get; }

                    public DateTime Day { get; }

                    public double Amount { get; }
                }

                /// <summary>Aggregates with LINQ and formats a text report.</summary>
                public sealed class ReportBuilder{{N(i)}}
                {
                    private readonly List<Sale{{N(i)}}> sales = new List<Sale{{N(i)}}>();

                    public void AddRange(IEnumerable<Sale{{N(i)}}> items) => sales.AddRange(items);

                    public string Build()
                    {
                        var text = new StringBuilder();
                        var regions = sales
                            .Where(s => s.Amount > 0)
                            .GroupBy(s => s.Region)
                            .Select(g => new { Region = g.Key, Total = g.Sum(s => s.Amount), Days = g.Select(s => s.Day.Date).Distinct().Count() })
                            .OrderBy(r => r.Region, StringComparer.Ordinal);
                        foreach (var region in regions)
                        {
                            text.Append(region.Region.PadRight(20))
                                .Append(region.Total.ToString("F2", CultureInfo.InvariantCulture).PadLeft(12))
                                .Append(' ')
                                .Append(region.Days)
                                .AppendLine();
                        }

                        double max = sales.Count == 0 ? 0 : sales.Max(s => s.Amount);
                        text.Append("max ").Append(max.ToString(CultureInfo.InvariantCulture)).AppendLine();
                        return text.ToString();
                    }

                    public IReadOnlyDictionary<int, double> ByMonth(int year)
                    {
                        var result = new SortedDictionary<int, double>();
                        foreach (var sale in sales)
                        {
                            if (sale.Day.Year != year)
                            {
                                continue;
                            }

                            result.TryGetValue(sale.Day.Month, out var sum);
                            result[sale.Day.Month] = sum + sale.Amount;
                        }

                        return result;
                    }

                    public double Median()
                    {
                        var ordered = sales.Select(s => s.Amount).OrderBy(a => a).ToArray();
                        if (ordered.Length == 0)
                        {
                            return 0;
                        }

                        int mid = ordered.Length / 2;
                        return ordered.Length % 2 == 1 ? ordered[mid] : (ordered[mid - 1] + ordered[mid]) / 2;
                    }
                }
            }

            """;

        private static string FileStore(int i) => $$"""
            namespace Plain.Files{{N(i)}}
            {
                /// <summary>Async file I/O with streams: copy, checksum, read lines, write atomically.</summary>
                public sealed class FileStore{{N(i)}}
                {
                    private readonly string root;

                    public FileStore{{N(i)}}(string root)
                    {
                        this.root = root;
                    }

                    public async Task<long> CopyAsync(string from, string to, CancellationToken token)
                    {
                        await using var source = new FileStream(Path.Combine(root, from), FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
                        await using var target = new FileStream(Path.Combine(root, to), FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true);
                        var buffer = new byte[81920];
                        long total = 0;
                        int n;
                        while ((n = await source.ReadAsync(buffer.AsMemory(0, buffer.Length), token).ConfigureAwait(false)) > 0)
                        {
                            await target.WriteAsync(buffer.AsMemory(0, n), token).ConfigureAwait(false);
                            total += n;
                        }

                        return total;
                    }

                    public async Task<uint> ChecksumAsync(string name, CancellationToken token)
                    {
                        using var stream = File.OpenRead(Path.Combine(root, name));
                        var buffer = new byte[4096];
                        uint sum = {{N(i)}};
                        int n;
                        while ((n = await stream.ReadAsync(buffer, 0, buffer.Length, token).ConfigureAwait(false)) != 0)
                        {
                            for (int k = 0; k < n; k++)
                            {
                                sum = (sum * 31) + buffer[k];
                            }
                        }

                        return sum;
                    }

                    public async Task<List<string>> NonEmptyLinesAsync(string name, CancellationToken token)
                    {
                        var result = new List<string>();
                        using var reader = new StreamReader(Path.Combine(root, name), Encoding.UTF8);
                        string? line;
                        while ((line = await reader.ReadLineAsync(token).ConfigureAwait(false)) is not null)
                        {
                            if (line.Length > 0 && line[0] != '#')
                            {
                                result.Add(line);
                            }
                        }

                        return result;
                    }

                    public async Task WriteAtomicallyAsync(string name, string content, CancellationToken token)
                    {
                        string path = Path.Combine(root, name);
                        string temp = path + ".tmp";
                        try
                        {
                            await File.WriteAllTextAsync(temp, content, token).ConfigureAwait(false);
                            File.Move(temp, path, overwrite: true);
                        }
                        finally
                        {
                            if (File.Exists(temp))
                            {
                                File.Delete(temp);
                            }
                        }
                    }
                }
            }

            """;

        private static string Graph(int i) => $$"""
            namespace Plain.Graphs{{N(i)}}
            {
                /// <summary>A directed graph with BFS, topological order and cycle detection.</summary>
                public sealed class Graph{{N(i)}}
                {
                    private readonly Dictionary<int, HashSet<int>> edges = new Dictionary<int, HashSet<int>>();

                    public void AddEdge(int from, int to)
                    {
                        if (!edges.TryGetValue(from, out var targets))
                        {
                            targets = new HashSet<int>();
                            edges[from] = targets;
                        }

                        targets.Add(to);
                        if (!edges.ContainsKey(to))
                        {
                            edges[to] = new HashSet<int>();
                        }
                    }

                    public IReadOnlyList<int> BreadthFirst(int start)
                    {
                        var order = new List<int>();
                        var seen = new HashSet<int> { start };
                        var queue = new Queue<int>();
                        queue.Enqueue(start);
                        while (queue.Count > 0)
                        {
                            int node = queue.Dequeue();
                            order.Add(node);
                            if (!edges.TryGetValue(node, out var targets))
                            {
                                continue;
                            }

                            foreach (int next in targets.OrderBy(x => x))
                            {
                                if (seen.Add(next))
                                {
                                    queue.Enqueue(next);
                                }
                            }
                        }

                        return order;
                    }

                    public bool TryTopologicalOrder(out List<int> order)
                    {
                        order = new List<int>();
                        var indegree = edges.Keys.ToDictionary(k => k, _ => 0);
                        foreach (var targets in edges.Values)
                        {
                            foreach (int t in targets)
                            {
                                indegree[t]++;
                            }
                        }

                        var ready = new SortedSet<int>(indegree.Where(p => p.Value == 0).Select(p => p.Key));
                        while (ready.Count > 0)
                        {
                            int node = ready.Min;
                            ready.Remove(node);
                            order.Add(node);
                            foreach (int t in edges[node])
                            {
                                if (--indegree[t] == 0)
                                {
                                    ready.Add(t);
                                }
                            }
                        }

                        return order.Count == edges.Count;
                    }

                    public async Task<int> CountReachableAsync(int start, CancellationToken token)
                    {
                        await Task.Yield();
                        token.ThrowIfCancellationRequested();
                        return BreadthFirst(start).Count;
                    }
                }
            }

            """;
    }
}
