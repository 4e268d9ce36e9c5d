namespace MsaMl.Consumer.Tests;

/// <summary>
/// The msa tool packs as an outer MsaMl.Cli package that only points at MsaMl.Cli.linux-x64, which
/// holds the program. A symbol package of the outer one would be empty, and NuGet refuses that:
/// <c>dotnet pack MsaMl.sln</c> failed with NU5017. Checked on the project's evaluated properties;
/// packing the tool itself takes a minute and 300 MB.
/// </summary>
public sealed class ToolPackageTests
{
    private static string Property(string name, params string[] properties)
    {
        string project = Path.Combine(RepositoryFiles.Root(), "src", "Cli", "MsaMl.Cli.csproj");
        var (code, output) = ProcessRunner.Run(RepositoryFiles.Root(), "dotnet", ["msbuild", project, "-nologo", $"-getProperty:{name}", .. properties]);
        Assert.True(code == 0, output);
        return output.Trim();
    }

    [Fact]
    public void OnlyTheRuntimeSpecificToolPackageHasSymbols()
    {
        Assert.Equal("false", Property("IncludeSymbols"));
        Assert.Equal("true", Property("IncludeSymbols", "-p:RuntimeIdentifier=linux-x64"));
        Assert.Equal("linux-x64", Property("ToolPackageRuntimeIdentifiers"));
    }
}
