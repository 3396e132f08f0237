namespace ClusterSessions.AppHost.Lab.TryIt;

/// <summary>A button of the Try it view; each is one request through the gateway.</summary>
internal enum TryItAction
{
    Login,
    AddToCart,
    Me,
    Cart,
    Logout,
    LogoutAll,
}
