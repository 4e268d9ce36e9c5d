using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Audio.Functionals;
using MsaMl.Transforms.Core;
using MsaMl.Transforms.Image;
using MsaMl.Transforms.Normalization;
using MsaMl.Transforms.Text;
using MsaMl.Transforms.Video;

// The featurizers this assembly saves into model bundles, each re-created from its options.
[assembly: SavedStage(LogSpectrogramTransformer.KindName, typeof(LogSpectrogramOptions), typeof(LogSpectrogramTransformer))]
[assembly: SavedStage(BertEmbeddingTransformer.KindName, typeof(BertEmbeddingOptions), typeof(BertEmbeddingTransformer))]
[assembly: SavedStage(TokenIdsTransformer.KindName, typeof(TokenIdsOptions), typeof(TokenIdsTransformer))]
[assembly: SavedStage(ImageTensorTransformer.KindName, typeof(ImageTensorOptions), typeof(ImageTensorTransformer))]
[assembly: SavedStage(PretrainedImageFeaturesTransformer.KindName, typeof(PretrainedImageFeaturesOptions), typeof(PretrainedImageFeaturesTransformer))]
[assembly: SavedStage(AcousticFunctionalsTransformer.KindName, typeof(AcousticFunctionalsOptions), typeof(AcousticFunctionalsTransformer))]
[assembly: SavedStage(VideoFramesTransformer.KindName, typeof(VideoFramesOptions), typeof(VideoFramesTransformer))]
[assembly: SavedStage(typeof(GroupStandardizationLoader))]
