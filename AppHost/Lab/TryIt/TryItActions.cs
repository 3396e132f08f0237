namespace ClusterSessions.AppHost.Lab.TryIt;

/// <summary>The actions' names in URLs (<c>/api/try/{strategy}/{action}</c>) and in the steps the page draws.</summary>
internal static class TryItActions
{
    private static readonly Dictionary<string, TryItAction> ByName = new(StringComparer.Ordinal)
    {
        ["login"] = TryItAction.Login,
        ["add-to-cart"] = TryItAction.AddToCart,
        ["me"] = TryItAction.Me,
        ["cart"] = TryItAction.Cart,
        ["logout"] = TryItAction.Logout,
        ["logout-all"] = TryItAction.LogoutAll,
    };

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static bool TryParse(string name, out TryItAction action) => ByName.TryGetValue(name, out action);

    public static string Name(TryItAction action) => ByName.First(pair => pair.Value == action).Key;
}
