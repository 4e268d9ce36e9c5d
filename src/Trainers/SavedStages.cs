using MsaMl.Trainers.Training;
using MsaMl.Transforms.Core;

// The TorchSharp models this assembly saves into model bundles.
[assembly: SavedStage(typeof(AatModelLoader))]
[assembly: SavedStage(typeof(OteModelLoader))]
[assembly: SavedStage(typeof(FusionHeadModelLoader))]
[assembly: SavedStage(typeof(ComposedModelLoader))]
