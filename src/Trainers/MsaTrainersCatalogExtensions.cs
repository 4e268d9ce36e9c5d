namespace MsaMl;

public static class MsaTrainersCatalogExtensions
{
    extension(MsaCatalog catalog)
    {
        /// <summary>MsaMl's TorchSharp trainers.</summary>
        public MsaTrainersCatalog Trainers => new(catalog.Context);
    }
}
