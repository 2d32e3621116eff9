using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Inspections.Domain;
using Registry.Inspections.Services;

namespace Registry.Inspections.Data;

internal sealed class InspectionCampaignConfiguration : IEntityTypeConfiguration<InspectionCampaign>
{
    public void Configure(EntityTypeBuilder<InspectionCampaign> builder)
    {
        builder.ToTable("Inspections_Campaigns");
        builder.HasIndex(c => c.Year).IsUnique();
        builder.Property(c => c.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.OrganizationTypes).HasMaxLength(200);
        builder.Property(c => c.TypeDeadlinesJson).HasMaxLength(500);
        builder.Property(c => c.OpenedBy).HasMaxLength(100);
        builder.Ignore(c => c.Types);
        builder.Ignore(c => c.TypeDeadlines);
        builder.Ignore(c => c.LastDeadline);
    }
}

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> builder)
    {
        builder.ToTable("Inspections_Reports");
        builder.HasIndex(r => new { r.Year, r.OrganizationId }).IsUnique();
        // Covers the figures' group-by (state, result, rectification, lateness per campaign) so it reads the index only.
        builder.HasIndex(r => new { r.CampaignId, r.State, r.Result, r.Rectification, r.SubmittedLate });
        builder.HasIndex(r => r.OrganizationId);
        builder.HasOne<InspectionCampaign>().WithMany().HasForeignKey(r => r.CampaignId);
        builder.Property(r => r.OrganizationName).HasMaxLength(200);
        builder.Property(r => r.TypeCode).HasMaxLength(30);
        builder.Property(r => r.Street).HasMaxLength(50);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Result).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Rectification).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ResultBy).HasMaxLength(100);
        builder.Property(r => r.RectificationVerifiedBy).HasMaxLength(100);
        // A supervising unit's 初审 list reads its reports by unit and state.
        builder.HasIndex(r => new { r.UnitId, r.State });
        builder.Property(r => r.UnitName).HasMaxLength(200);
        builder.Property(r => r.UnitOutcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.UnitReviewedBy).HasMaxLength(100);
        builder.Property(r => r.PrefillJson).HasMaxLength(2000);
        builder.OwnsOne(r => r.Content, content =>
        {
            content.Property(c => c.PartyOrganization).HasConversion<string>().HasMaxLength(20);
            content.Ignore(c => c.IncomeFen);
            content.Ignore(c => c.ExpenditureFen);
        });
        builder.Navigation(r => r.Content).IsRequired();
        builder.HasMany(r => r.Documents).WithOne().HasForeignKey(d => d.ReportId);
        builder.Ignore(r => r.IsEditableByOrganization);
        builder.Ignore(r => r.ReturnedByUnit);
        builder.Ignore(r => r.AuditRequired);
    }
}

internal sealed class ReportTallyConfiguration : IEntityTypeConfiguration<ReportTally>
{
    public void Configure(EntityTypeBuilder<ReportTally> builder)
    {
        builder.ToTable(ReportTalliesTables.Counts);
        // The upsert's conflict target: one row per campaign and key.
        builder.HasIndex(t => new { t.CampaignId, t.State, t.Result, t.Rectification, t.SubmittedLate }).IsUnique();
        builder.HasOne<InspectionCampaign>().WithMany().HasForeignKey(t => t.CampaignId);
        builder.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Result).HasMaxLength(30);
        builder.Property(t => t.Rectification).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(t => t.ResultValue);
    }
}

internal sealed class SectorTallyConfiguration : IEntityTypeConfiguration<SectorTally>
{
    public void Configure(EntityTypeBuilder<SectorTally> builder)
    {
        builder.ToTable(ReportTalliesTables.Sectors);
        // The upsert's conflict target, and the sector figures' read of a year.
        builder.HasIndex(t => new { t.Year, t.TypeCode, t.Street }).IsUnique();
        builder.Property(t => t.TypeCode).HasMaxLength(30);
        builder.Property(t => t.Street).HasMaxLength(50);
    }
}

internal sealed class ReportDocumentConfiguration : IEntityTypeConfiguration<ReportDocument>
{
    public void Configure(EntityTypeBuilder<ReportDocument> builder)
    {
        builder.ToTable("Inspections_ReportDocuments");
        builder.HasIndex(d => new { d.ReportId, d.ItemCode }).IsUnique();
        builder.HasIndex(d => d.FileId);
        builder.Property(d => d.ItemCode).HasMaxLength(40);
        builder.Property(d => d.FileName).HasMaxLength(260);
    }
}

internal sealed class CreditListEntryConfiguration : IEntityTypeConfiguration<CreditListEntry>
{
    public void Configure(EntityTypeBuilder<CreditListEntry> builder)
    {
        builder.ToTable("Inspections_CreditListEntries");
        builder.HasIndex(e => new { e.OrganizationId, e.ExitedOn });
        builder.HasIndex(e => new { e.List, e.ExitedOn, e.EnteredOn });
        // One automatic entry per organization, cause and year: a job that runs twice cannot list anyone twice.
        builder.HasIndex(e => new { e.OrganizationId, e.Cause, e.Year }).IsUnique().HasFilter("\"Automatic\" = TRUE AND \"Year\" IS NOT NULL");
        // One current entry for a revoked registration (第十四条(七)), however many nodes read the register's feed.
        builder.HasIndex(e => new { e.OrganizationId, e.Cause }).IsUnique().HasFilter("\"Cause\" = 'RegistrationRevoked' AND \"ExitedOn\" IS NULL");
        builder.Property(e => e.OrganizationName).HasMaxLength(200);
        builder.Property(e => e.List).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Cause).HasConversion<string>().HasMaxLength(40);
        builder.Property(e => e.ExitCause).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.EntryDecision).HasMaxLength(500);
        builder.Property(e => e.ExitDecision).HasMaxLength(500);
        builder.Property(e => e.CauseDetail).HasMaxLength(1000);
        builder.Property(e => e.EnteredBy).HasMaxLength(100);
        builder.Property(e => e.ExitedBy).HasMaxLength(100);
        builder.Ignore(e => e.IsCurrent);
    }
}
