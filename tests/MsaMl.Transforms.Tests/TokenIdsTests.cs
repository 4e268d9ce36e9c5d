using Microsoft.ML;
using MsaMl.Transforms.Core;
using MsaMl.Transforms.Text;

namespace MsaMl.Transforms.Tests;

/// <summary>The TokenIds transform: text -> WordPiece ids and attention mask with the MiniLM featurizer's tokenizer.</summary>
public sealed class TokenIdsTests
{
    private readonly MLContext _ml = new(seed: 1);

    private static readonly string[] Sentences =
    {
        "Hello world",
        "The movie was surprisingly heartwarming!",
        "",
        string.Join(" ", Enumerable.Repeat("extraordinarily long sentence", 20)),
    };

    private IDataView Tokenize(TokenIdsOptions options)
    {
        var data = _ml.Data.LoadFromEnumerable(Sentences.Select(s => new TextRow { Text = s }));
        return _ml.Msa().Transforms.TokenIds(options).Fit(data).Transform(data);
    }

    [Fact]
    public void IdsAreTheTokenizersWithClsSepAndZeroPaddingAndTheMaskMarksThem()
    {
        var output = Tokenize(new TokenIdsOptions { MaxTokens = 12 });
        Assert.Equal(new[] { 12 }, FeatureColumn.ReadShape(output.Schema["TextTokenIds"]));
        var ids = Columns.Read(output, "TextTokenIds");
        var mask = Columns.Read(output, "TextAttentionMask");

        // bert-base-uncased / MiniLM vocabulary: [CLS] hello world [SEP].
        Assert.Equal(new float[] { 101, 7592, 2088, 102, 0, 0, 0, 0, 0, 0, 0, 0 }, ids[0]);
        Assert.Equal(new float[] { 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0 }, mask[0]);

        var tokenizer = BertEncoder.For(new BertEmbeddingOptions()).Tokenizer;
        var expected = new[] { tokenizer.ClassificationTokenId }.Concat(tokenizer.EncodeToIds(Sentences[1], addSpecialTokens: false)).Append(tokenizer.SeparatorTokenId).ToArray();
        Assert.True(expected.Length < 12, "the sentence fits");
        Assert.Equal(expected.Select(i => (float)i), ids[1].Take(expected.Length));
        Assert.All(ids[1].Skip(expected.Length), v => Assert.Equal(0f, v));
        Assert.Equal(expected.Length, (int)mask[1].Sum());
    }

    [Fact]
    public void EmptyTextIsAllPaddingAndLongTextIsTruncatedToMaxTokensEndingInSep()
    {
        var output = Tokenize(new TokenIdsOptions { MaxTokens = 12 });
        var ids = Columns.Read(output, "TextTokenIds");
        var mask = Columns.Read(output, "TextAttentionMask");
        Assert.All(ids[2], v => Assert.Equal(0f, v));
        Assert.All(mask[2], v => Assert.Equal(0f, v));
        Assert.All(mask[3], v => Assert.Equal(1f, v));
        Assert.Equal(101f, ids[3][0]);
        Assert.Equal(102f, ids[3][^1]);
    }

    [Fact]
    public void TheMaskColumnCanBeLeftOutAndTheStageReloadsFromItsOptions()
    {
        var data = _ml.Data.LoadFromEnumerable(Sentences.Select(s => new TextRow { Text = s }));
        var model = _ml.Msa().Transforms.TokenIds(new TokenIdsOptions { MaxTokens = 8, AttentionMaskColumnName = null }).Fit(data);
        Assert.Null(model.Transform(data).Schema.GetColumnOrNull("TextAttentionMask"));
        var reloaded = TransformFactory.Create(model.Kind, model.SaveOptions());
        Assert.Equal(Columns.Read(model.Transform(data), "TextTokenIds"), Columns.Read(reloaded.Transform(data), "TextTokenIds"));
    }

    [Fact]
    public void BadOptionsAreRefusedNamingTheOption()
    {
        var tooShort = Assert.Throws<ArgumentOutOfRangeException>(() => new TokenIdsOptions { MaxTokens = 2 }.Validate());
        Assert.Contains("MaxTokens", tooShort.Message);
        var same = Assert.Throws<ArgumentException>(() => new TokenIdsTransformer(new TokenIdsOptions { AttentionMaskColumnName = "TextTokenIds" }));
        Assert.Contains("AttentionMaskColumnName", same.Message);
    }
}
