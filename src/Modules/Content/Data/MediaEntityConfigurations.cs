using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Content.Domain;

namespace Registry.Content.Data;

internal sealed class MediaFolderConfiguration : IEntityTypeConfiguration<MediaFolder>
{
    public void Configure(EntityTypeBuilder<MediaFolder> builder)
    {
        builder.ToTable("Content_MediaFolders");
        builder.Property(f => f.Name).HasMaxLength(MediaFolder.MaxName);
        builder.HasOne<MediaFolder>().WithMany().HasForeignKey(f => f.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.ParentId, f.Name });
    }
}

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> builder)
    {
        builder.ToTable("Content_MediaFiles");
        builder.Property(m => m.Name).HasMaxLength(MediaFile.MaxName);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.ContentType).HasMaxLength(100);
        builder.Property(m => m.AltText).HasMaxLength(MediaFile.MaxAlt);
        builder.Property(m => m.Caption).HasMaxLength(MediaFile.MaxCaption);
        builder.Property(m => m.UploadedBy).HasMaxLength(256);
        builder.Ignore(m => m.IsImage);
        builder.HasOne<MediaFolder>().WithMany().HasForeignKey(m => m.FolderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Renditions).WithOne().HasForeignKey(r => r.MediaFileId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.FolderId, m.UploadedAt });
        builder.HasIndex(m => m.FileId);
    }
}

internal sealed class MediaRenditionConfiguration : IEntityTypeConfiguration<MediaRendition>
{
    public void Configure(EntityTypeBuilder<MediaRendition> builder)
    {
        builder.ToTable("Content_MediaRenditions");
        builder.Property(r => r.ContentType).HasMaxLength(100);
        builder.HasIndex(r => new { r.MediaFileId, r.Width }).IsUnique();
    }
}
