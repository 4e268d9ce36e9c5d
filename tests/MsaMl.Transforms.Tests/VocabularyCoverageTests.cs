using MsaMl.Transforms.Text;

namespace MsaMl.Transforms.Tests;

public class VocabularyCoverageTests
{
    private static readonly string[] Chinese = ["我非常喜欢这部电影", "太难看了，浪费时间", "剧情无聊，非常失望", "真是令人惊喜的故事"];

    [Fact]
    public void ChineseThroughTheEnglishMiniLmVocabularyIsMostlyUnknownAndSaysWhichOptionsToSet()
    {
        double share = VocabularyCoverage.UnknownShare(Chinese);
        string? warning = VocabularyCoverage.Warning(Chinese, null, "CH-SIMS texts");

        Assert.True(share > VocabularyCoverage.WarningThreshold, $"[UNK] share {share:P1}");
        Assert.NotNull(warning);
        Assert.Contains("BertEmbeddingOptions.ModelPath", warning);
        Assert.Contains("BertEmbeddingOptions.VocabPath", warning);
        Assert.Contains("CH-SIMS texts", warning);
    }

    [Fact]
    public void EnglishTextRaisesNoWarning()
    {
        string[] english = ["I really liked this movie", "the plot was boring and too long"];

        Assert.Equal(0, VocabularyCoverage.UnknownShare(english));
        Assert.Null(VocabularyCoverage.Warning(english, null, "texts"));
    }
}
