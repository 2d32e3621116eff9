using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Data;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("Organizations_Organizations");
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.NormalizedName).HasMaxLength(200);
        builder.Property(o => o.EnglishName).HasMaxLength(300);
        builder.Property(o => o.CreditCode).HasMaxLength(18);
        builder.Property(o => o.FilingNumber).HasMaxLength(40);
        builder.Property(o => o.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.Standing).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.District).HasMaxLength(50);
        builder.Property(o => o.Street).HasMaxLength(50);
        builder.Property(o => o.Community).HasMaxLength(50);
        builder.Property(o => o.ServiceFields).HasMaxLength(200);
        builder.HasIndex(o => o.CreditCode).IsUnique().HasFilter("\"CreditCode\" IS NOT NULL");
        builder.HasIndex(o => o.FilingNumber).IsUnique().HasFilter("\"FilingNumber\" IS NOT NULL");
        builder.HasIndex(o => o.NormalizedName);
        builder.HasIndex(o => new { o.Type, o.Status });
        builder.HasIndex(o => o.SupervisingUnitId);
        builder.HasOne<SupervisingUnit>().WithMany().HasForeignKey(o => o.SupervisingUnitId).OnDelete(DeleteBehavior.SetNull);

        // Covers the reports' count of the register at a year's end (group by type, status then, street).
        builder.HasIndex(o => new { o.Type, o.Status, o.Street, o.FoundedOn, o.StatusChangedOn });
        builder.Ignore(o => o.PublicCode);
        builder.Ignore(o => o.ServiceFieldList);
    }
}

internal sealed class OrganizationRevisionConfiguration : IEntityTypeConfiguration<OrganizationRevision>
{
    public void Configure(EntityTypeBuilder<OrganizationRevision> builder)
    {
        builder.ToTable("Organizations_Revisions");
        builder.HasIndex(r => new { r.OrganizationId, r.Number }).IsUnique();
        builder.Property(r => r.Cause).HasMaxLength(50);
    }
}

internal sealed class OrganizationMemberConfiguration : IEntityTypeConfiguration<OrganizationMember>
{
    public void Configure(EntityTypeBuilder<OrganizationMember> builder)
    {
        builder.ToTable("Organizations_Members");
        builder.HasKey(m => new { m.OrganizationId, m.UserId });
        builder.HasIndex(m => m.UserId);
    }
}

internal sealed class OrganizationInvitationConfiguration : IEntityTypeConfiguration<OrganizationInvitation>
{
    public void Configure(EntityTypeBuilder<OrganizationInvitation> builder)
    {
        builder.ToTable("Organizations_Invitations");
        builder.Property(i => i.Token).HasMaxLength(64);
        builder.HasIndex(i => i.Token).IsUnique();
    }
}

internal sealed class OrganizationClaimConfiguration : IEntityTypeConfiguration<OrganizationClaim>
{
    public void Configure(EntityTypeBuilder<OrganizationClaim> builder)
    {
        builder.ToTable("Organizations_Claims");
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class RegistrationApplicationConfiguration : IEntityTypeConfiguration<RegistrationApplication>
{
    public void Configure(EntityTypeBuilder<RegistrationApplication> builder)
    {
        builder.ToTable("Organizations_Applications");
        builder.Property(a => a.OrganizationType).HasConversion<string>().HasMaxLength(30);
        // Covers the processing times (decided in a period, accepted when) and the lists of decisions in a period.
        builder.HasIndex(a => new { a.State, a.DecidedAt, a.Kind, a.OrganizationType, a.AcceptedOn });
        // The reports' approvals by kind and type: sought per kind and type, read in the grouping's order (RegistrationFigures).
        builder.HasIndex(a => new { a.State, a.Kind, a.OrganizationType, a.DecidedAt });
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ReceiptNumber).HasMaxLength(30);
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.ExtensionReason).HasMaxLength(500);
        builder.Property(a => a.ExtensionApprovedBy).HasMaxLength(100);
        builder.HasIndex(a => a.ReceiptNumber).IsUnique().HasFilter("\"ReceiptNumber\" IS NOT NULL");
        builder.HasIndex(a => a.ApplicantUserId);
        builder.Property(a => a.PreReviewParty).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.PreReviewStreet).HasMaxLength(50);
        builder.Property(a => a.PreReviewedBy).HasMaxLength(256);
        builder.Property(a => a.PreReviewOpinion).HasMaxLength(1000);
        builder.Property(a => a.OwnerUserId).HasMaxLength(450);
        builder.Property(a => a.OwnerName).HasMaxLength(256);
        builder.HasIndex(a => new { a.State, a.PreReviewUnitId });
        builder.HasIndex(a => new { a.State, a.PreReviewStreet });
        builder.HasIndex(a => a.OwnerUserId);
        builder.Ignore(a => a.Pauses);
        builder.HasMany(a => a.Corrections).WithOne().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Documents).WithOne().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CorrectionRequestConfiguration : IEntityTypeConfiguration<CorrectionRequest>
{
    public void Configure(EntityTypeBuilder<CorrectionRequest> builder) => builder.ToTable("Organizations_Corrections");
}

internal sealed class ApplicationDocumentConfiguration : IEntityTypeConfiguration<ApplicationDocument>
{
    public void Configure(EntityTypeBuilder<ApplicationDocument> builder)
    {
        builder.ToTable("Organizations_Documents");
        builder.Property(d => d.ItemCode).HasMaxLength(50);
        builder.HasIndex(d => d.FileId);
    }
}

internal sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> builder)
    {
        builder.ToTable("Organizations_ApplicationEvents");
        builder.Property(e => e.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.To).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class NameReservationConfiguration : IEntityTypeConfiguration<NameReservation>
{
    public void Configure(EntityTypeBuilder<NameReservation> builder)
    {
        builder.ToTable("Organizations_NameReservations");
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.NormalizedName).HasMaxLength(200);
        builder.Property(r => r.Type).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(r => r.NormalizedName);
    }
}

internal sealed class SupervisingUnitConfiguration : IEntityTypeConfiguration<SupervisingUnit>
{
    public void Configure(EntityTypeBuilder<SupervisingUnit> builder)
    {
        builder.ToTable("Organizations_SupervisingUnits");
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.HasIndex(u => u.Name).IsUnique();
    }
}

internal sealed class SupervisingUnitAccountConfiguration : IEntityTypeConfiguration<SupervisingUnitAccount>
{
    public void Configure(EntityTypeBuilder<SupervisingUnitAccount> builder)
    {
        builder.ToTable("Organizations_SupervisingUnitAccounts");
        builder.HasKey(a => a.UserId);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.HasIndex(a => a.SupervisingUnitId);
        builder.HasOne<SupervisingUnit>().WithMany().HasForeignKey(a => a.SupervisingUnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StreetOfficeAccountConfiguration : IEntityTypeConfiguration<StreetOfficeAccount>
{
    public void Configure(EntityTypeBuilder<StreetOfficeAccount> builder)
    {
        builder.ToTable("Organizations_StreetOfficeAccounts");
        builder.HasKey(a => a.UserId);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.Street).HasMaxLength(50);
        builder.HasIndex(a => a.Street);
    }
}
