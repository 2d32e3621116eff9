using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Content.Domain;

namespace Registry.Content.Data;

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> builder)
    {
        builder.ToTable("Content_Items");
        builder.Property(i => i.Type).HasMaxLength(50);
        builder.Property(i => i.Culture).HasMaxLength(10);
        builder.Property(i => i.Slug).HasMaxLength(ContentItem.MaxSlug);
        builder.Property(i => i.Category).HasMaxLength(50);
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.ReturnReason).HasMaxLength(ContentItem.MaxReason);
        builder.Property(i => i.Title).HasMaxLength(ContentItem.MaxTitle);
        builder.Property(i => i.CreatedById).HasMaxLength(450);
        builder.Property(i => i.CreatedBy).HasMaxLength(256);
        // One address per type and culture; the variants of an item share a translation key, one per culture.
        builder.HasIndex(i => new { i.Type, i.Culture, i.Slug }).IsUnique();
        builder.HasIndex(i => new { i.TranslationKey, i.Culture }).IsUnique();
        builder.HasIndex(i => new { i.Type, i.Category, i.PublishAt });
        builder.HasIndex(i => new { i.State, i.UpdatedAt });
        builder.HasMany(i => i.Versions).WithOne().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContentVersionConfiguration : IEntityTypeConfiguration<ContentVersion>
{
    public void Configure(EntityTypeBuilder<ContentVersion> builder)
    {
        builder.ToTable("Content_Versions");
        builder.Property(v => v.Title).HasMaxLength(ContentItem.MaxTitle);
        builder.Property(v => v.Summary).HasMaxLength(ContentItem.MaxSummary);
        builder.Property(v => v.Slug).HasMaxLength(ContentItem.MaxSlug);
        builder.Property(v => v.Category).HasMaxLength(50);
        builder.Property(v => v.AuthorId).HasMaxLength(450);
        builder.Property(v => v.Author).HasMaxLength(256);
        builder.HasIndex(v => new { v.ItemId, v.Number }).IsUnique();
    }
}

internal sealed class ContentSlugHistoryConfiguration : IEntityTypeConfiguration<ContentSlugHistory>
{
    public void Configure(EntityTypeBuilder<ContentSlugHistory> builder)
    {
        builder.ToTable("Content_SlugHistory");
        builder.Property(s => s.Type).HasMaxLength(50);
        builder.Property(s => s.Culture).HasMaxLength(10);
        builder.Property(s => s.Slug).HasMaxLength(ContentItem.MaxSlug);
        builder.HasIndex(s => new { s.Type, s.Slug });
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(s => s.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
