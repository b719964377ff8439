#!/usr/bin/env python3
"""Writes a synthetic C# corpus for timing `socketanalyzers scan`: PROJECTS projects of FILES files of about
LINES lines each (about 300,000 lines by default), ordinary business code with socket code in one file of ten,
some of it with SOCK010 mistakes, and a few files that do not compile (unknown types, a syntax error).

    python3 Cli/perf/generate-corpus.py /tmp/corpus [projects] [files] [lines]
    time dotnet Cli/bin/Release/net10.0/SocketAnalyzers.Cli.dll scan /tmp/corpus
"""
import os
import random
import sys

out = sys.argv[1]
projects = int(sys.argv[2]) if len(sys.argv) > 2 else 20
files = int(sys.argv[3]) if len(sys.argv) > 3 else 75
lines = int(sys.argv[4]) if len(sys.argv) > 4 else 200
random.seed(42)

CSPROJ = """<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net8.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
  </PropertyGroup>
{refs}</Project>
"""

def method(i, j):
    kind = (i + j) % 5
    if kind == 0:
        return f"""
        public async Task<int> ProcessAsync{j}(IEnumerable<Order> orders, CancellationToken cancellationToken)
        {{
            var total = 0;
            foreach (var order in orders.Where(o => o.Quantity > {j % 7}).OrderBy(o => o.Id))
            {{
                await Task.Yield();
                total += order.Quantity * {j + 1};
                if (cancellationToken.IsCancellationRequested)
                {{
                    break;
                }}
            }}

            return total;
        }}
"""
    if kind == 1:
        return f"""
        public string Describe{j}(Order order)
        {{
            var builder = new System.Text.StringBuilder();
            builder.Append("Order ").Append(order.Id).Append(':');
            switch (order.Quantity)
            {{
                case 0: builder.Append(" empty"); break;
                case < 10: builder.Append(" small"); break;
                default: builder.Append(" large"); break;
            }}

            return builder.ToString();
        }}
"""
    if kind == 2:
        return f"""
        public Dictionary<string, List<Order>> Group{j}(IReadOnlyList<Order> orders)
        {{
            var result = new Dictionary<string, List<Order>>();
            for (var k = 0; k < orders.Count; k++)
            {{
                var key = orders[k].Customer ?? "unknown";
                if (!result.TryGetValue(key, out var list))
                {{
                    result[key] = list = new List<Order>();
                }}

                list.Add(orders[k]);
            }}

            return result;
        }}
"""
    if kind == 3:
        return f"""
        public int Checksum{j}(ReadOnlySpan<byte> data)
        {{
            var sum = {j};
            foreach (var b in data)
            {{
                sum = unchecked(sum * 31 + b);
            }}

            return sum;
        }}
"""
    return f"""
        public void Save{j}(string path, IEnumerable<Order> orders)
        {{
            using var writer = new StreamWriter(path);
            foreach (var order in orders)
            {{
                writer.WriteLine($"{{order.Id}},{{order.Customer}},{{order.Quantity}}");
            }}
        }}
"""

def socket_methods(j, buggy):
    if buggy:
        return f"""
        public void Receive{j}(System.Net.Sockets.Socket socket, System.Net.Sockets.NetworkStream stream)
        {{
            var header = new byte[8];
            socket.Receive(header);
            stream.Read(header, 0, header.Length);
        }}

        public async Task ReceiveAsync{j}(System.Net.Sockets.NetworkStream stream)
        {{
            var buffer = new byte[1024];
            await stream.ReadAsync(buffer, 0, buffer.Length);
        }}
"""
    return f"""
        public int ReceiveAll{j}(System.Net.Sockets.Socket socket, byte[] buffer)
        {{
            var total = 0;
            while (total < buffer.Length)
            {{
                var n = socket.Receive(buffer, total, buffer.Length - total, System.Net.Sockets.SocketFlags.None);
                if (n == 0)
                {{
                    break;
                }}

                total += n;
            }}

            return total;
        }}
"""

total = 0
for p in range(projects):
    name = f"Project{p:02d}"
    folder = os.path.join(out, "src", name)
    os.makedirs(folder, exist_ok=True)
    refs = f'  <ItemGroup>\n    <ProjectReference Include="..\\Project{p-1:02d}\\Project{p-1:02d}.csproj" />\n  </ItemGroup>\n' if p > 0 else ""
    with open(os.path.join(folder, name + ".csproj"), "w") as f:
        f.write(CSPROJ.format(refs=refs))
    with open(os.path.join(folder, "Order.cs"), "w") as f:
        f.write(f"namespace {name};\n\npublic sealed record Order(int Id, string? Customer, int Quantity);\n")
    for i in range(files):
        body = []
        count = 0
        j = 0
        while count < lines:
            text = method(i, j)
            if i % 10 == 0 and j % 4 == 0:
                text += socket_methods(j, buggy=(j % 8 == 0))
            body.append(text)
            count += text.count("\n")
            j += 1
        extra_using = ""
        if i == 7:
            extra_using = "using UnityEngine;\n"
            body.append("\n        public void Move(MonoBehaviour behaviour) { behaviour.transform.position = Vector3.zero; }\n")
        if i == 13 and p % 5 == 0:
            body.append("\n        public void Broken( { var x = ; }\n")
        source = f"{extra_using}namespace {name}.Area{i % 5}\n{{\n    public sealed class Service{i}\n    {{{''.join(body)}    }}\n}}\n"
        total += source.count("\n")
        with open(os.path.join(folder, f"Service{i}.cs"), "w") as f:
            f.write(source)

print(f"{projects} projects, {projects * files} files, {total} lines in {out}")
