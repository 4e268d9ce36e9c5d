namespace MsaMl.Serving.Tests;

/// <summary><c>msa serve</c> refuses what it cannot serve with one line and exit code 2, before listening.</summary>
[Collection(ServedCollection.Name)]
public sealed class ServeCommandTests(TrainedBundles bundles)
{
    private static (int Code, string Errors) Run(params string[] args) => MsaMl.Cli.Tests.CliRunner.Run(args);

    [Theory]
    [InlineData("--host", "example.org", "--host: 'example.org' is not an IP address")]
    [InlineData("--port", "70000", "--port: 70000; expected 0 to 65535")]
    [InlineData("--timeout", "0", "RequestTimeout must be positive")]
    public void BadOptionsAreOneLineAndExitCode2(string option, string value, string says)
    {
        var (code, errors) = Run("serve", "--model", bundles.Image, option, value);
        Assert.Equal(2, code);
        Assert.Contains(says, errors);
        Assert.Single(errors.Trim().Split('\n'));
    }

    [Fact]
    public void AMissingBundleIsOneLineAndExitCode2()
    {
        var (code, errors) = Run("serve", "--model", Path.Combine(bundles.Folder, "missing.zip"));
        Assert.Equal(2, code);
        Assert.StartsWith("msa: error: ", errors);
        Assert.Contains("missing.zip", errors);
        Assert.Single(errors.Trim().Split('\n'));
    }
}
