using MsaMl.Datasets;

namespace MsaMl.Pipelines.Tests;

public class RandomSplitTests
{
    private static List<MultimodalRecord> Records(int n) =>
        Enumerable.Range(0, n).Select(i => new MultimodalRecord { Id = i.ToString() }).ToList();

    [Fact]
    public void CountsFollowTheFractionsAndTheSeedFixesTheAssignment()
    {
        var a = Records(100);
        var b = Records(100);
        var c = Records(100);
        RandomSplit.Assign(a, 0.8, 0.1, 0.1, seed: 3);
        RandomSplit.Assign(b, 0.8, 0.1, 0.1, seed: 3);
        RandomSplit.Assign(c, 0.8, 0.1, 0.1, seed: 4);

        Assert.Equal(80, a.Count(r => r.Split == "train"));
        Assert.Equal(10, a.Count(r => r.Split == "validation"));
        Assert.Equal(10, a.Count(r => r.Split == "test"));
        Assert.Equal(a.Select(r => r.Split), b.Select(r => r.Split));
        Assert.NotEqual(a.Select(r => r.Split), c.Select(r => r.Split));
        Assert.NotEqual(Enumerable.Range(0, 80).Select(_ => "train"), a.Take(80).Select(r => r.Split));
    }
}
