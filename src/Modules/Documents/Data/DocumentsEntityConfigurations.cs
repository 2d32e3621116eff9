using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Documents.Domain;

namespace Registry.Documents.Data;

internal sealed class IssuedDocumentConfiguration : IEntityTypeConfiguration<IssuedDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDocument> builder)
    {
        builder.ToTable("Documents_Issued");
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(d => d.Number).HasMaxLength(100);
        builder.HasIndex(d => d.Number).IsUnique();
        builder.HasIndex(d => new { d.Kind, d.Year, d.Sequence }).IsUnique();
        builder.Property(d => d.VerificationCode).HasMaxLength(VerificationCodes.Length);
        builder.HasIndex(d => d.VerificationCode).IsUnique();
        builder.Property(d => d.Source).HasMaxLength(200);
        builder.HasIndex(d => new { d.Source, d.Revision }).IsUnique();
        builder.Property(d => d.RecipientUserId).HasMaxLength(450);
        builder.HasIndex(d => d.RecipientUserId);
        builder.HasIndex(d => d.OrganizationId);
        builder.Property(d => d.HolderName).HasMaxLength(IssuedDocument.MaxHolder);
        builder.Property(d => d.IssuedBy).HasMaxLength(256);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.SignedBy).HasMaxLength(400);
        builder.Property(d => d.SupersedeReason).HasMaxLength(IssuedDocument.MaxReason);
    }
}

internal sealed class DocumentTemplateConfiguration : IEntityTypeConfiguration<DocumentTemplate>
{
    public void Configure(EntityTypeBuilder<DocumentTemplate> builder)
    {
        builder.ToTable("Documents_Templates");
        builder.HasKey(t => t.Kind);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(t => t.Body).HasMaxLength(DocumentTemplate.MaxBody);
        builder.Property(t => t.UpdatedBy).HasMaxLength(256);
    }
}
