using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Notices.Domain;

namespace Registry.Notices.Data;

internal sealed class NoticeConfiguration : IEntityTypeConfiguration<Notice>
{
    public void Configure(EntityTypeBuilder<Notice> builder)
    {
        builder.ToTable("Notices_Notices");
        builder.Property(n => n.Title).HasMaxLength(Notice.MaxTitle);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.SourceModule).HasMaxLength(Notice.MaxSourceModule);
        builder.Property(n => n.SourceKey).HasMaxLength(Notice.MaxSourceKey);
        builder.Property(n => n.CreatedBy).HasMaxLength(256);
        // Re-publishing from another module finds (and so updates) the same notice; officers' notices have no source.
        builder.HasIndex(n => new { n.SourceModule, n.SourceKey }).IsUnique().HasFilter("\"SourceModule\" IS NOT NULL");
        builder.HasIndex(n => new { n.Status, n.PublishedAt });
        builder.HasMany(n => n.Attachments).WithOne().HasForeignKey(a => a.NoticeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NoticeAttachmentConfiguration : IEntityTypeConfiguration<NoticeAttachment>
{
    public void Configure(EntityTypeBuilder<NoticeAttachment> builder)
    {
        builder.ToTable("Notices_Attachments");
        builder.Property(a => a.FileName).HasMaxLength(260);
        builder.HasIndex(a => a.FileId);
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> builder)
    {
        builder.ToTable("Notices_Objections");
        builder.Property(o => o.Name).HasMaxLength(Objection.MaxName);
        builder.Property(o => o.Contact).HasMaxLength(Objection.MaxContact);
        builder.Property(o => o.Text).HasMaxLength(Objection.MaxText);
        builder.Property(o => o.Answer).HasMaxLength(Objection.MaxAnswer);
        builder.Property(o => o.AnsweredBy).HasMaxLength(256);
        builder.Property(o => o.ReceiptNumber).HasMaxLength(30);
        builder.HasIndex(o => o.ReceiptNumber).IsUnique();
        builder.HasIndex(o => new { o.NoticeId, o.SubmittedAt });
        builder.HasOne<Notice>().WithMany().HasForeignKey(o => o.NoticeId).OnDelete(DeleteBehavior.Restrict);
    }
}
