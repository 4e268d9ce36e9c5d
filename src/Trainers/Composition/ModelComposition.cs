namespace MsaMl.Trainers.Composition;

/// <summary>
/// A model as encoders -> fusion -> head: one encoder per modality input, a fusion of their
/// outputs into one vector, and a head that maps it to class logits or a regression value. A
/// unimodal model is a composition with one encoder.
/// </summary>
public sealed class ModelComposition
{
    /// <summary>A composition of the given parts; the encoders' order is the order of the network's inputs.</summary>
    /// <exception cref="ArgumentException">No encoders, two encoders for one modality or column, or fewer encoders than the fusion needs.</exception>
    public ModelComposition(IReadOnlyList<EncoderOptions> encoders, FusionOptions fusion, HeadOptions head)
    {
        if (encoders.Count == 0) throw new ArgumentException("A composition needs at least one encoder.", nameof(encoders));
        if (encoders.Count < fusion.MinimumInputs)
            throw new ArgumentException($"{fusion.GetType().Name} fuses at least {fusion.MinimumInputs} inputs; the composition has {encoders.Count} encoder(s).", nameof(fusion));
        var modality = encoders.GroupBy(e => e.Modality).FirstOrDefault(g => g.Count() > 1);
        if (modality != null) throw new ArgumentException($"Two encoders read {modality.Key.Describe()}; a composition has one encoder per modality.", nameof(encoders));
        foreach (var encoder in encoders)
            if (encoder.Modality == Modalities.None || encoder.Modality.Members().Count != 1)
                throw new ArgumentException($"Encoder {encoder.GetType().Name} of column '{encoder.ColumnName}' must read exactly one modality; it says {encoder.Modality.Describe()}.", nameof(encoders));
        Encoders = encoders;
        Fusion = fusion;
        Head = head;
    }

    /// <summary>The encoders, in input order.</summary>
    public IReadOnlyList<EncoderOptions> Encoders { get; }

    /// <summary>The fusion of the encoders' outputs.</summary>
    public FusionOptions Fusion { get; }

    /// <summary>The head over the fused vector.</summary>
    public HeadOptions Head { get; }

    /// <summary>The modalities the model reads.</summary>
    public Modalities Reads => Encoders.Aggregate(Modalities.None, (set, e) => set | e.Modality);

    /// <summary>The feature columns the network reads, in input order.</summary>
    public string[] Columns => Encoders.Select(e => e.ColumnName).ToArray();

    /// <summary>
    /// Creates the network for feature rows of <paramref name="rowShapes"/> (one per encoder), with
    /// <paramref name="outputs"/> outputs. Modules are created encoders first, then fusion, then head,
    /// so the seeded initialization follows that order.
    /// </summary>
    public ComposedNetwork Build(int[][] rowShapes, int outputs) => Build(rowShapes, outputs, forTraining: false);

    /// <summary>
    /// <see cref="Build(int[][], int)"/>, then each encoder's
    /// <see cref="EncoderOptions.InitializeForTraining"/> (pretrained starting weights) on its module.
    /// </summary>
    public ComposedNetwork BuildForTraining(int[][] rowShapes, int outputs) => Build(rowShapes, outputs, forTraining: true);

    private ComposedNetwork Build(int[][] rowShapes, int outputs, bool forTraining)
    {
        if (rowShapes.Length != Encoders.Count)
            throw new ArgumentException($"The composition has {Encoders.Count} encoder(s) but {rowShapes.Length} input shape(s) were given.", nameof(rowShapes));
        var encoders = Encoders.Select((e, i) => e.Create(rowShapes[i])).ToArray();
        var fusion = Fusion.Create(encoders.Select(e => e.Width).ToArray());
        var head = Head.Create(fusion.Width, outputs);
        if (forTraining)
            for (int i = 0; i < encoders.Length; i++) Encoders[i].InitializeForTraining(encoders[i].Module);
        return new ComposedNetwork(encoders.Select(e => e.Module).ToArray(), fusion.Module, head);
    }
}
