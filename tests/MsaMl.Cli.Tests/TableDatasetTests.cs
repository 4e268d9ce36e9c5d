using System.Text.Json;

namespace MsaMl.Cli.Tests;

public sealed class TableDatasetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-table-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string ExampleTable()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "datasets", "demo", "table-example.csv");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("datasets/demo/table-example.csv not found above the test folder.");
    }

    [Fact]
    public void TheReadmeExampleTableTrainsThroughTheCli()
    {
        string output = Path.Combine(_folder, "table.zip");
        var (code, errors) = CliRunner.Run("train", "--dataset", "table", "--root", ExampleTable(),
            "--map", "image=Name,text=Text,label=Valence", "--model", "ote", "--quick", "--output", output);

        Assert.True(code == 0, errors);
        Assert.True(File.Exists(output));
        Assert.Contains("table-example.csv (no split column", errors);
        Assert.Contains("20 rows; labels: negative=10, positive=10", errors);
        Assert.DoesNotContain("warning", errors);
        using var results = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(output, ".results.json")));
        Assert.Equal("image=Name,text=Text,label=Valence", results.RootElement.GetProperty("options").GetProperty("map").GetString());
    }

    [Fact]
    public void AMapToAMissingColumnIsABadInputErrorListingTheColumns()
    {
        var (code, errors) = CliRunner.Run("train", "--dataset", "table", "--root", ExampleTable(),
            "--map", "image=Name,text=Caption,label=Valence", "--output", Path.Combine(_folder, "x.zip"));

        Assert.Equal(2, code);
        Assert.Contains("'Caption' (for text)", errors);
        Assert.Contains("columns found: 'Name', 'Text', 'Valence'", errors);
    }

    [Fact]
    public void TableWithoutMapAndMapWithoutTableAreUsageErrors()
    {
        var (code, errors) = CliRunner.Run("train", "--dataset", "table", "--root", ExampleTable(), "--output", Path.Combine(_folder, "x.zip"));
        Assert.Equal(2, code);
        Assert.Contains("needs --map", errors);

        (code, errors) = CliRunner.Run("train", "--dataset", "demo-images", "--map", "text=Text,label=Valence", "--output", Path.Combine(_folder, "x.zip"));
        Assert.Equal(2, code);
        Assert.Contains("--map and --encoding apply to --dataset table only", errors);
    }
}
