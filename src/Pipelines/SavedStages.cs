using MsaMl.Pipelines.Fusion;
using MsaMl.Transforms.Core;

// The stages this assembly saves into model bundles.
[assembly: SavedStage(LateFusionTransformer.KindName, typeof(LateFusionOptions), typeof(LateFusionTransformer))]
