namespace MsaMl.Datasets;

/// <summary>
/// Seeded train/validation/test assignment that keeps every group (speaker, image, video, …) on
/// one side and each label's share close to the same in every split. Use it for datasets without
/// an official split, or to carve a validation split out of a training set, whenever several
/// records share a source that would otherwise leak from training into evaluation.
/// </summary>
/// <remarks>
/// <para>Algorithm: the groups are put in ordinal order of their key, shuffled with the seed
/// (SplitMix64, identical on every .NET version), then ordered by size, largest first (ties keep
/// the shuffled order). Each group in turn goes to the split where adding it brings the per-label
/// counts closest to their targets (fraction × the label's total), measured as the sum of squared
/// differences; the split sizes follow, being the sums of those counts. Records are never split
/// from their group, so with few, large groups the fractions can only be approximated;
/// <see cref="GroupSplitResult.EmptySplits"/> names any split that stayed empty.</para>
/// <para>The result depends on the set of records, their group keys, labels and the options, not
/// on the order of the list.</para>
/// </remarks>
public static class GroupStratifiedSplit
{
    private static readonly string[] SplitOrder = [SplitNames.Train, SplitNames.Validation, SplitNames.Test];

    /// <summary>
    /// Sets <see cref="MultimodalRecord.Split"/> of every record in <paramref name="records"/>.
    /// </summary>
    /// <param name="records">The records to split; their order is not changed.</param>
    /// <param name="group">The group of a record; records with the same value always land in the same
    /// split. A null or empty value makes the record a group of its own.</param>
    /// <param name="options">Fractions and seed.</param>
    /// <param name="stratum">What to stratify by; <see cref="MultimodalRecord.Label"/> when null.</param>
    /// <exception cref="ArgumentException">The fractions are negative or do not add up to 1.</exception>
    public static GroupSplitResult Assign<TRecord>(IReadOnlyList<TRecord> records, Func<TRecord, string?> group,
        GroupStratifiedSplitOptions options, Func<TRecord, string>? stratum = null) where TRecord : MultimodalRecord
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        stratum ??= r => r.Label;

        var strata = new Dictionary<string, int>(StringComparer.Ordinal);
        var members = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var recordStratum = new int[records.Count];
        for (int i = 0; i < records.Count; i++)
        {
            string s = stratum(records[i]) ?? "";
            if (!strata.TryGetValue(s, out int index)) strata[s] = index = strata.Count;
            recordStratum[i] = index;
            string? key = group(records[i]);
            // A leading NUL keeps record-index keys apart from any real group value.
            key = string.IsNullOrEmpty(key) ? "\0" + i.ToString("D10") : key;
            if (!members.TryGetValue(key, out var list)) members[key] = list = [];
            list.Add(i);
        }

        var order = members.Keys.Order(StringComparer.Ordinal).ToList();
        new SplitMix64(options.Seed).Shuffle(order);
        var groups = order.Select(k => members[k]).OrderByDescending(m => m.Count).ToList();

        double[] fractions = [options.TrainFraction, options.ValidationFraction, options.TestFraction];
        int[] active = Enumerable.Range(0, SplitOrder.Length).Where(s => fractions[s] > 0).ToArray();
        var totals = new int[strata.Count];
        foreach (int s in recordStratum) totals[s]++;
        var counts = new double[SplitOrder.Length, strata.Count];
        var sizes = new double[SplitOrder.Length];
        var groupsPerSplit = new int[SplitOrder.Length];
        var groupCounts = new int[strata.Count];

        foreach (var g in groups)
        {
            Array.Clear(groupCounts);
            foreach (int i in g) groupCounts[recordStratum[i]]++;

            int best = active[0];
            double bestCost = double.PositiveInfinity;
            foreach (int s in active)
            {
                // Increase of sum((count - target)^2) over the labels when the group joins split s;
                // the split sizes follow, as they are the sums of the label counts.
                double cost = 0;
                for (int l = 0; l < strata.Count; l++)
                    if (groupCounts[l] > 0) cost += Increase(counts[s, l], fractions[s] * totals[l], groupCounts[l]);
                if (cost < bestCost) { bestCost = cost; best = s; }
            }

            foreach (int i in g) records[i].Split = SplitOrder[best];
            for (int l = 0; l < strata.Count; l++) counts[best, l] += groupCounts[l];
            sizes[best] += g.Count;
            groupsPerSplit[best]++;
        }

        return new GroupSplitResult(groups.Count,
            active.ToDictionary(s => SplitOrder[s], s => groupsPerSplit[s]),
            active.ToDictionary(s => SplitOrder[s], s => (int)sizes[s]));
    }

    private static double Increase(double count, double target, int added) => added * (2 * (count - target) + added);
}
