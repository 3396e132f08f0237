namespace ClusterSessions.WebNode.Users;

/// <summary>
/// The demo accounts (passwords in the README: <c>alice-secret</c>, ...). Hashes are PBKDF2-HMAC-SHA512 with
/// 100,000 iterations and a random salt, made with <see cref="Microsoft.AspNetCore.Identity.PasswordHasher{TUser}"/>.
/// </summary>
internal static class DemoUsers
{
    public static readonly IReadOnlyList<DemoUser> All =
    [
        new("alice", "AQAAAAIAAYagAAAAEOFQCirEUz1je/hUtXkrrALdB0hR3WuWJwWieTMjfcIENKC50NHhLdYldlwB1c8rfA=="),
        new("bob", "AQAAAAIAAYagAAAAECZtkxbk1AjG5TbauM86krsN07Wbd0th6npnm6sHL64TKopqTWaB6Xc8jKUlO/v2og=="),
        new("carol", "AQAAAAIAAYagAAAAEM2CcwyeZngOw7pBgozIyBfHSbARdN3S/aJZb8jk4ImhXer+7qWYqrLv0I2LKlPs2A=="),
    ];

    /// <summary>Verified against when the user name is unknown, so a miss costs as much time as a wrong password.</summary>
    public static readonly DemoUser Decoy =
        new("no-such-user", "AQAAAAIAAYagAAAAEBRgzb0wvkDqMIveGbl+nU8C1X/RHeI9iydTHLDjQ5G/tzaivi8+ZjSkjer1Fk1tog==");
}
