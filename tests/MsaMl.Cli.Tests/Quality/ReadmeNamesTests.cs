using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MsaMl.Cli.Tests.Quality;

/// <summary>
/// Every name a <c>src/*/README.md</c> gives in backticks exists, so the READMEs cannot keep naming
/// a type after it was renamed, moved or deleted. Here, because this project references every
/// assembly built from <c>src/</c> (the msa tool brings Experiments, Serving and, through them, the rest).
/// </summary>
/// <remarks>
/// The rule, applied to each README outside fenced code blocks (<c>```</c>):
/// <list type="bullet">
/// <item>A checked name is the whole text of an inline code span (<c>`Name`</c>) that is one
/// PascalCase identifier: an upper-case letter, then letters and digits only, with at least one
/// lower-case letter. So <c>`IemocapReader`</c> is checked; <c>`Model.ClassNames(path)`</c> (a dot,
/// a call), <c>`Datasets/`</c> (a folder), <c>`vocab.txt`</c> (a file), <c>`DatasetTable&lt;T&gt;`</c>
/// (generic syntax), <c>`msa predict`</c> (spaces), <c>`WA`</c> and <c>`F1`</c> (no lower-case letter:
/// acronyms and metric names) are not.</item>
/// <item>A checked name passes when it is the name of a type (any accessibility, generic arity
/// dropped) declared in an assembly built from <c>src/*/*.csproj</c>, the name of a public member
/// (property, field, enum value, method, event, nested type) of such a type, or a segment of the
/// namespace of such a type (<c>`MsaMl`</c>). Anything else fails, naming the README and the name.</item>
/// <item>So a README names a type from outside MsaMl with its namespace (<c>`System.IO.InvalidDataException`</c>,
/// <c>`TorchSharp.Scalar`</c>), and a test by its file (<c>`CustomBertGraphTests.cs`</c>): neither is checked.</item>
/// </list>
/// </remarks>
public sealed partial class ReadmeNamesTests
{
    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]*$")]
    private static partial Regex PascalCaseIdentifier();

    [GeneratedRegex(@"(?<!`)`([^`\r\n]+)`(?!`)")]
    private static partial Regex InlineCode();

    public static TheoryData<string> Readmes()
    {
        var data = new TheoryData<string>();
        foreach (string readme in ReadmePaths()) data.Add(readme);
        return data;
    }

    /// <summary>Each <c>src/&lt;project&gt;/README.md</c>, relative to the repository root, with '/'.</summary>
    private static List<string> ReadmePaths()
    {
        string src = Path.Combine(RepositoryRoot(), "src");
        return Directory.GetDirectories(src)
            .Select(folder => Path.Combine(folder, "README.md"))
            .Where(File.Exists)
            .Select(readme => Path.GetRelativePath(RepositoryRoot(), readme).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    [Fact]
    public void EveryProjectUnderSrcHasAReadmeChecked()
    {
        var readmes = ReadmePaths();
        var projects = Directory.GetFiles(Path.Combine(RepositoryRoot(), "src"), "*.csproj", SearchOption.AllDirectories);
        Assert.NotEmpty(projects);
        foreach (string project in projects)
        {
            string folder = Path.GetRelativePath(RepositoryRoot(), Path.GetDirectoryName(project)!).Replace('\\', '/');
            Assert.Contains($"{folder}/README.md", readmes);
        }
    }

    [Theory]
    [MemberData(nameof(Readmes))]
    public void EveryNameInBackticksExists(string readme)
    {
        var known = KnownNames.Value;
        var names = NamesIn(File.ReadAllText(Path.Combine(RepositoryRoot(), readme)));
        var missing = names.Where(n => !known.Contains(n)).Distinct().ToList();
        Assert.True(missing.Count == 0,
            $"{readme} names {string.Join(", ", missing.Select(n => $"`{n}`"))}, which is no type, public member or namespace of the assemblies built from src/ (see the rule on {nameof(ReadmeNamesTests)})");
    }

    [Fact]
    public void TheRuleChecksNamesAndSkipsTheRest()
    {
        const string text = """
            `IemocapReader` and `MsaMl`, not `Model.ClassNames(path)`, `Datasets/`, `vocab.txt`,
            `DatasetTable<T>`, `msa predict`, `WA` or ``NotCode``.
            ```
            `InsideAFence`
            ```
            """;
        Assert.Equal(["IemocapReader", "MsaMl"], NamesIn(text));
        Assert.Contains("IemocapReader", KnownNames.Value);
        Assert.Contains("DatasetTable", KnownNames.Value);     // generic arity dropped
        Assert.Contains("ReadSpeech", KnownNames.Value);       // a public method
        Assert.Contains("MissingModality", KnownNames.Value);  // an enum value
        Assert.DoesNotContain("MsaPredictionEnginePool", KnownNames.Value);
    }

    /// <summary>The checked names of <paramref name="markdown"/>, in order (see the rule above).</summary>
    private static List<string> NamesIn(string markdown)
    {
        var names = new List<string>();
        bool fenced = false;
        foreach (string line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }
            if (fenced) continue;
            foreach (Match match in InlineCode().Matches(line))
            {
                string code = match.Groups[1].Value;
                if (PascalCaseIdentifier().IsMatch(code) && code.Any(char.IsLower)) names.Add(code);
            }
        }
        return names;
    }

    private static readonly Lazy<HashSet<string>> KnownNames = new(() =>
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var assembly in SourceAssemblies())
        {
            Type[] types;
            try
            {
                types = assembly.GetTypes();
            }
            catch (ReflectionTypeLoadException ex)
            {
                types = ex.Types.Where(t => t != null).ToArray()!;
            }
            foreach (var type in types)
            {
                if (type.Name.Contains('<')) continue;   // compiler-generated
                names.Add(type.Name.Split('`')[0]);
                foreach (string segment in (type.Namespace ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries)) names.Add(segment);
                foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                    names.Add(member.Name.Split('`')[0]);
            }
        }
        return names;
    });

    /// <summary>The assemblies of every <c>src/*/*.csproj</c> (its AssemblyName, or the project's file name).</summary>
    private static List<Assembly> SourceAssemblies()
    {
        var assemblies = new List<Assembly>();
        foreach (string project in Directory.GetFiles(Path.Combine(RepositoryRoot(), "src"), "*.csproj", SearchOption.AllDirectories))
        {
            string name = XDocument.Load(project).Descendants("AssemblyName").FirstOrDefault()?.Value
                ?? Path.GetFileNameWithoutExtension(project);
            assemblies.Add(Assembly.Load(new AssemblyName(name)));
        }
        Assert.True(assemblies.Count >= 8, $"expected the assemblies of src/*, found {assemblies.Count}");
        return assemblies;
    }

    /// <summary>The folder holding MsaMl.sln, found by walking up from the test's output folder.</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MsaMl.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no MsaMl.sln above {AppContext.BaseDirectory}");
    }
}
