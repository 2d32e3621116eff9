namespace Registry.Organizations.Domain;

/// <summary>
/// 业务主管单位: a department that supervises organizations (社团条例 第六条, 民非条例 第五条). Organizations name it in
/// <see cref="Organization.SupervisingUnit"/> and are linked by that name; directly registered kinds have none.
/// </summary>
public sealed class SupervisingUnit
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

/// <summary>An account that acts for one supervising unit.</summary>
public sealed class SupervisingUnitAccount
{
    public string UserId { get; set; } = "";

    public int SupervisingUnitId { get; set; }
}

/// <summary>An account of a street office (街道办事处), linked to one street (<see cref="Organization.Street"/>).</summary>
public sealed class StreetOfficeAccount
{
    public string UserId { get; set; } = "";

    public string Street { get; set; } = "";
}
