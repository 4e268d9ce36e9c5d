using MsaMl.Datasets;

namespace MsaMl.Pipelines.Tests.Splitting;

public class GroupStratifiedSplitTests
{
    private sealed class GroupedRecord : MultimodalRecord
    {
        public string Group { get; set; } = "";
    }

    /// <summary>
    /// <paramref name="groups"/> groups of 1 to 5 records; each group's records mostly share a label
    /// (as the captions of one image or the turns of one speaker tend to), labels a/b/c about 60/30/10 %.
    /// </summary>
    private static List<GroupedRecord> Dataset(int groups, int seed = 7)
    {
        var random = new Random(seed);
        var records = new List<GroupedRecord>();
        for (int g = 0; g < groups; g++)
        {
            int size = 1 + random.Next(5);
            double draw = random.NextDouble();
            string main = draw < 0.6 ? "a" : draw < 0.9 ? "b" : "c";
            for (int k = 0; k < size; k++)
                records.Add(new GroupedRecord
                {
                    Id = $"g{g}-{k}",
                    Group = $"g{g}",
                    Label = random.NextDouble() < 0.8 ? main : "a",
                });
        }
        return records;
    }

    private static GroupSplitResult Split(IReadOnlyList<GroupedRecord> records, int seed = 1, double train = 0.8, double validation = 0.1, double test = 0.1) =>
        GroupStratifiedSplit.Assign(records, r => r.Group,
            new GroupStratifiedSplitOptions { TrainFraction = train, ValidationFraction = validation, TestFraction = test, Seed = seed });

    [Fact]
    public void NoGroupLandsInTwoSplits()
    {
        var records = Dataset(200);
        Split(records, seed: 3);

        foreach (var group in records.GroupBy(r => r.Group))
            Assert.Single(group.Select(r => r.Split).Distinct());
        Assert.Equal(3, records.Select(r => r.Split).Distinct().Count());
    }

    [Fact]
    public void TheSameSeedGivesTheSameSplitAndAnotherSeedAnother()
    {
        var a = Dataset(150);
        var b = Dataset(150);
        var c = Dataset(150);
        Split(a, seed: 5);
        Split(b, seed: 5);
        Split(c, seed: 6);

        Assert.Equal(a.Select(r => r.Split), b.Select(r => r.Split));
        Assert.NotEqual(a.Select(r => r.Split), c.Select(r => r.Split));
    }

    [Fact]
    public void TheSplitDoesNotDependOnTheOrderOfTheList()
    {
        var ordered = Dataset(120);
        var reversed = Dataset(120);
        reversed.Reverse();
        Split(ordered, seed: 2);
        Split(reversed, seed: 2);

        var byId = reversed.ToDictionary(r => r.Id, r => r.Split);
        Assert.All(ordered, r => Assert.Equal(r.Split, byId[r.Id]));
    }

    [Fact]
    public void SplitSizesAndLabelSharesFollowTheTargets()
    {
        var records = Dataset(300);
        var result = Split(records, seed: 11, train: 0.7, validation: 0.15, test: 0.15);
        int n = records.Count;

        foreach (var (split, fraction) in new[] { ("train", 0.7), ("validation", 0.15), ("test", 0.15) })
        {
            var part = records.Where(r => r.Split == split).ToList();
            Assert.Equal(part.Count, result.RecordsPerSplit[split]);
            Assert.InRange(part.Count, (fraction - 0.02) * n, (fraction + 0.02) * n);
            foreach (string label in new[] { "a", "b", "c" })
            {
                double overall = records.Count(r => r.Label == label) / (double)n;
                double share = part.Count(r => r.Label == label) / (double)part.Count;
                Assert.InRange(share, overall - 0.05, overall + 0.05);
            }
        }
        Assert.Equal(records.Select(r => r.Group).Distinct().Count(), result.Groups);
        Assert.Equal(result.Groups, result.GroupsPerSplit.Values.Sum());
        Assert.Empty(result.EmptySplits);
    }

    [Fact]
    public void StratificationKeepsARareLabelInEverySplit()
    {
        // 5 % of the records carry label "rare"; an unstratified draw of 10 % test often misses it.
        var records = Enumerable.Range(0, 200)
            .Select(i => new GroupedRecord { Id = $"r{i}", Label = i % 20 == 0 ? "rare" : "common" })
            .ToList();
        for (int seed = 1; seed <= 10; seed++)
        {
            Split(records, seed);
            Assert.Equal(8, records.Count(r => r.Split == "train" && r.Label == "rare"));
            Assert.Equal(1, records.Count(r => r.Split == "validation" && r.Label == "rare"));
            Assert.Equal(1, records.Count(r => r.Split == "test" && r.Label == "rare"));
        }
    }

    [Fact]
    public void RecordsWithoutAGroupAreGroupsOfTheirOwn()
    {
        var records = Enumerable.Range(0, 40).Select(i => new GroupedRecord { Id = $"r{i}", Label = "x" }).ToList();
        var result = Split(records, seed: 1, train: 0.5, validation: 0, test: 0.5);

        Assert.Equal(40, result.Groups);
        Assert.Equal(20, records.Count(r => r.Split == "train"));
        Assert.Equal(20, records.Count(r => r.Split == "test"));
        Assert.DoesNotContain(records, r => r.Split == "validation");
        Assert.False(result.RecordsPerSplit.ContainsKey("validation"));
    }

    [Fact]
    public void TooFewGroupsLeaveASplitEmptyAndSayWhich()
    {
        var records = Enumerable.Range(0, 30).Select(i => new GroupedRecord { Id = $"r{i}", Group = $"g{i / 15}", Label = "x" }).ToList();
        var result = Split(records);

        // 30 records, targets 24/3/3: either group elsewhere than train would miss the targets further.
        Assert.Equal(2, result.Groups);
        Assert.Equal(["validation", "test"], result.EmptySplits);
        Assert.All(records, r => Assert.Equal("train", r.Split));
    }

    [Theory]
    [InlineData(0.8, 0.1, 0.2)]
    [InlineData(-0.1, 0.6, 0.5)]
    [InlineData(double.NaN, 0.5, 0.5)]
    public void FractionsThatDoNotAddUpToOneAreRefused(double train, double validation, double test)
    {
        var error = Assert.Throws<ArgumentException>(() => Split(Dataset(5), 1, train, validation, test));
        Assert.Contains("add up to 1", error.Message);
    }
}
