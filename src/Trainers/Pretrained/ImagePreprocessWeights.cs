namespace MsaMl.Trainers.Pretrained;

/// <summary>
/// A preprocessing graph of the packaged kind: reorder the channels (Split then Concat, RGB to
/// BGR) and subtract a constant mean image.
/// </summary>
internal sealed record ImagePreprocessWeights(int[] ChannelOrder, OnnxTensor MeanImage);
