namespace MsaMl.Consumer.Tests;

/// <summary>
/// MsaMl as a user gets it: the library packages packed into a local feed, a fresh console project
/// in a temporary folder outside the repository (no Directory.Build.* of ours applies), the
/// README's example as its program (train an AAT, evaluate, save), then a second process that loads
/// the bundle and predicts. Fails when TorchSharp does not load in the consumer.
/// </summary>
public sealed class ConsumerProjectTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-consumer-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { }
    }

    [Fact]
    public void ReadmeExampleBuildsAgainstThePackagesTrainsSavesAndASecondProcessPredicts()
    {
        string root = RepositoryFiles.Root();
        string feed = Path.Combine(_folder, "feed");
        // A version of its own, so that the global package cache never serves an older build.
        string version = $"0.0.0-consumer.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        foreach (string project in new[] { "Core", "Datasets", "Transforms", "Trainers", "Pipelines" })
            Succeeds(root, "dotnet", "pack", Path.Combine(root, "src", project), "--no-build", "-c", Configuration, "-o", feed, $"-p:Version={version}");

        File.WriteAllText(Path.Combine(_folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="msaml-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(_folder, "Directory.Build.props"), "<Project />");   // stop MSBuild's upward search here
        File.WriteAllText(Path.Combine(_folder, "Directory.Build.targets"), "<Project />");

        string app = CreateConsoleProject("App", version, RepositoryFiles.ReadmeCode("readme-example"));
        string predictor = CreateConsoleProject("Predictor", version, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Predictor", "Program.cs")));

        string demo = Path.Combine(root, "datasets", "demo");
        var train = Succeeds(app, "dotnet", Path.Combine(app, "bin", "App.dll"), demo);
        Assert.Matches(@"WA \d+(\.\d)? ?%", train);
        string bundle = Path.Combine(app, "aat.zip");
        Assert.True(File.Exists(bundle), $"the example did not save {bundle}:\n{train}");

        var predicted = Succeeds(predictor, "dotnet", Path.Combine(predictor, "bin", "Predictor.dll"), bundle, demo);
        Assert.Equal(3, predicted.Split('\n').Count(l => l.StartsWith("predicted ", StringComparison.Ordinal)));
    }

    private const string Configuration =
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    private string CreateConsoleProject(string name, string version, string program)
    {
        string folder = Path.Combine(_folder, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <OutputPath>bin/</OutputPath>
                <AppendTargetFrameworkToOutputPath>false</AppendTargetFrameworkToOutputPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="MsaMl.Pipelines" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
        Succeeds(folder, "dotnet", "build", "-v", "q", "-nologo");
        return folder;
    }

    private static string Succeeds(string workingDirectory, string fileName, params string[] arguments)
    {
        var (code, output) = ProcessRunner.Run(workingDirectory, fileName, arguments);
        Assert.True(code == 0, $"`{fileName} {string.Join(' ', arguments)}` in {workingDirectory} exited with {code}:\n{output}");
        return output;
    }
}
