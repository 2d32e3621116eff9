using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Disclosure.Domain;

namespace Registry.Disclosure.Data;

internal sealed class DisclosureRequestConfiguration : IEntityTypeConfiguration<DisclosureRequest>
{
    public void Configure(EntityTypeBuilder<DisclosureRequest> builder)
    {
        builder.ToTable("Disclosure_Requests");
        builder.Property(r => r.ReceiptNumber).HasMaxLength(30);
        builder.HasIndex(r => r.ReceiptNumber).IsUnique();
        builder.Property(r => r.ApplicantKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.OrganizationKind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Name).HasMaxLength(DisclosureRequest.MaxName);
        builder.Property(r => r.IdType).HasMaxLength(40);
        builder.Property(r => r.IdNumber).HasMaxLength(DisclosureRequest.MaxIdNumber);
        builder.Property(r => r.Representative).HasMaxLength(DisclosureRequest.MaxName);
        builder.Property(r => r.ContactPerson).HasMaxLength(DisclosureRequest.MaxName);
        builder.Property(r => r.Phone).HasMaxLength(DisclosureRequest.MaxContact);
        builder.Property(r => r.Email).HasMaxLength(DisclosureRequest.MaxContact);
        builder.Property(r => r.Address).HasMaxLength(DisclosureRequest.MaxAddress);
        builder.Property(r => r.PostalCode).HasMaxLength(10);
        builder.Property(r => r.Description).HasMaxLength(DisclosureRequest.MaxDescription);
        builder.Property(r => r.Purpose).HasMaxLength(DisclosureRequest.MaxPurpose);
        builder.Property(r => r.PreferredForm).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Delivery).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.SecretHash).HasMaxLength(64);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.AnswerType).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.AnswerReason).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.AnswerText).HasMaxLength(4000);
        builder.Property(r => r.AnswerReference).HasMaxLength(500);
        builder.Property(r => r.AnsweredBy).HasMaxLength(256);
        builder.HasIndex(r => r.UserId);
        builder.HasIndex(r => new { r.State, r.ReceivedOn });
        builder.HasMany(r => r.Events).WithOne().HasForeignKey(e => e.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Attachments).WithOne().HasForeignKey(a => a.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> builder)
    {
        builder.ToTable("Disclosure_RequestEvents");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Party).HasMaxLength(200);
        builder.Property(e => e.Note).HasMaxLength(RequestEvent.MaxNote);
    }
}

internal sealed class RequestAttachmentConfiguration : IEntityTypeConfiguration<RequestAttachment>
{
    public void Configure(EntityTypeBuilder<RequestAttachment> builder)
    {
        builder.ToTable("Disclosure_RequestAttachments");
        builder.Property(a => a.FileName).HasMaxLength(260);
        builder.HasIndex(a => a.FileId);
    }
}

internal sealed class CatalogueItemConfiguration : IEntityTypeConfiguration<CatalogueItem>
{
    public void Configure(EntityTypeBuilder<CatalogueItem> builder)
    {
        builder.ToTable("Disclosure_CatalogueItems");
        builder.Property(i => i.IndexNumber).HasMaxLength(60);
        builder.HasIndex(i => i.IndexNumber).IsUnique();
        builder.Property(i => i.Title).HasMaxLength(CatalogueItem.MaxTitle);
        builder.Property(i => i.Category).HasMaxLength(40);
        builder.Property(i => i.Topic).HasMaxLength(40);
        builder.Property(i => i.Publisher).HasMaxLength(100);
        builder.Property(i => i.DocumentNumber).HasMaxLength(100);
        builder.Property(i => i.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Scope).HasMaxLength(40);
        builder.Property(i => i.Validity).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Url).HasMaxLength(500);
        builder.Property(i => i.SourceModule).HasMaxLength(40);
        builder.Property(i => i.SourceKey).HasMaxLength(100);
        builder.HasIndex(i => new { i.SourceModule, i.SourceKey }).IsUnique();
        builder.HasIndex(i => new { i.Withdrawn, i.PublishedOn });
    }
}

internal sealed class AnnualDisclosureReportConfiguration : IEntityTypeConfiguration<AnnualDisclosureReport>
{
    public void Configure(EntityTypeBuilder<AnnualDisclosureReport> builder)
    {
        builder.ToTable("Disclosure_AnnualReports");
        builder.HasIndex(r => r.Year).IsUnique();
        builder.Property(r => r.Overview).HasMaxLength(AnnualDisclosureReport.MaxText);
        builder.Property(r => r.Problems).HasMaxLength(AnnualDisclosureReport.MaxText);
        builder.Property(r => r.OtherMatters).HasMaxLength(AnnualDisclosureReport.MaxText);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.PublishedBy).HasMaxLength(256);
        builder.Property(r => r.UpdatedBy).HasMaxLength(256);
        builder.Property(r => r.IndexNumber).HasMaxLength(60);
    }
}
