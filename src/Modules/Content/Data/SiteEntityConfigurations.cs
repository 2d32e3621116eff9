using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Content.Domain;

namespace Registry.Content.Data;

internal sealed class MenuConfiguration : IEntityTypeConfiguration<Menu>
{
    public void Configure(EntityTypeBuilder<Menu> builder)
    {
        builder.ToTable("Content_Menus");
        builder.HasKey(m => m.Name);
        builder.Property(m => m.Name).HasMaxLength(Menu.MaxName);
        builder.Property(m => m.ItemsJson).IsRequired();
        builder.Ignore(m => m.Items);
    }
}

internal sealed class HomePageConfiguration : IEntityTypeConfiguration<HomePage>
{
    public void Configure(EntityTypeBuilder<HomePage> builder)
    {
        builder.ToTable("Content_HomePages");
        builder.HasKey(h => h.Key);
        builder.Property(h => h.Key).HasMaxLength(20);
        builder.Property(h => h.ZonesJson).IsRequired();
        builder.Ignore(h => h.Zones);
    }
}
