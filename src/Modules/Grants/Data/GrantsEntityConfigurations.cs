using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Grants.Domain;

namespace Registry.Grants.Data;

internal sealed class GrantRoundConfiguration : IEntityTypeConfiguration<GrantRound>
{
    public void Configure(EntityTypeBuilder<GrantRound> builder)
    {
        builder.ToTable("Grants_Rounds");
        builder.HasIndex(r => new { r.Year, r.Programme });
        builder.Property(r => r.Programme).HasMaxLength(100);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.CategoriesJson).HasMaxLength(4000);
        builder.Property(r => r.EligibilityJson).HasMaxLength(1000);
        builder.Property(r => r.ForbiddenItems).HasMaxLength(2000);
        builder.Property(r => r.RequiredDocuments).HasMaxLength(2000);
        builder.Ignore(r => r.RequiredDocumentNames);
        builder.Property(r => r.RubricJson).HasMaxLength(8000);
        builder.Property(r => r.TranchePlanJson).HasMaxLength(200);
        builder.Property(r => r.RankBy).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(r => r.Categories);
        builder.Ignore(r => r.Rubric);
        builder.Ignore(r => r.Eligibility);
        builder.Ignore(r => r.TranchePlan);
        builder.Ignore(r => r.ForbiddenWords);
        builder.Ignore(r => r.MaxPoints);
    }
}

internal sealed class RoundStageEventConfiguration : IEntityTypeConfiguration<RoundStageEvent>
{
    public void Configure(EntityTypeBuilder<RoundStageEvent> builder)
    {
        builder.ToTable("Grants_RoundStageEvents");
        builder.HasIndex(e => e.RoundId);
        builder.HasOne<GrantRound>().WithMany().HasForeignKey(e => e.RoundId);
        builder.Property(e => e.UserName).HasMaxLength(100);
        builder.Property(e => e.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.To).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class GrantApplicationConfiguration : IEntityTypeConfiguration<GrantApplication>
{
    public void Configure(EntityTypeBuilder<GrantApplication> builder)
    {
        builder.ToTable("Grants_Applications");
        builder.HasIndex(a => new { a.RoundId, a.State });
        builder.HasIndex(a => a.OrganizationId);
        // At most one untouched draft per account, organization and round: two starts at once cannot both insert one
        // (GrantApplicationService.StartAsync opens the existing one instead).
        builder.HasIndex(a => new { a.RoundId, a.OrganizationId, a.ApplicantUserId }).IsUnique()
            .HasFilter("\"State\" = 'Draft' AND \"Version\" = 0").HasDatabaseName("IX_Grants_Applications_UntouchedDraft");
        builder.HasOne<GrantRound>().WithMany().HasForeignKey(a => a.RoundId);
        builder.Property(a => a.OrganizationName).HasMaxLength(200);
        builder.Property(a => a.Street).HasMaxLength(100);
        builder.HasIndex(a => new { a.Street, a.RoundId });
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Summary).HasMaxLength(2000);
        builder.Property(a => a.Category).HasMaxLength(50);
        builder.Property(a => a.Beneficiaries).HasMaxLength(500);
        builder.Property(a => a.Location).HasMaxLength(200);
        builder.Property(a => a.Need).HasMaxLength(5000);
        builder.Property(a => a.Objectives).HasMaxLength(5000);
        builder.Property(a => a.IndicatorsJson).HasMaxLength(8000);
        builder.Property(a => a.FactsJson).HasMaxLength(2000);
        builder.Property(a => a.ActivityPlan).HasMaxLength(8000);
        builder.Property(a => a.Team).HasMaxLength(3000);
        builder.Property(a => a.Partners).HasMaxLength(3000);
        builder.Property(a => a.EligibilityJson).HasMaxLength(4000);
        builder.Property(a => a.ScreeningRule).HasMaxLength(60);
        builder.Property(a => a.ScreeningNote).HasMaxLength(2000);
        builder.Property(a => a.ScreenedBy).HasMaxLength(100);
        builder.Property(a => a.CutReason).HasMaxLength(2000);
        builder.Property(a => a.AllocationNote).HasMaxLength(100);
        builder.Property(a => a.RankScore).HasPrecision(9, 3);
        builder.Property(a => a.WithdrawReason).HasMaxLength(2000);
        builder.HasMany(a => a.BudgetLines).WithOne().HasForeignKey(l => l.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(a => a.ReceiptNumber);
        builder.Ignore(a => a.TotalFen);
        builder.Ignore(a => a.IsReviewed);
    }
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> builder)
    {
        builder.ToTable("Grants_BudgetLines");
        builder.Property(l => l.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Item).HasMaxLength(200);
    }
}

internal sealed class ReviewAssignmentConfiguration : IEntityTypeConfiguration<ReviewAssignment>
{
    public void Configure(EntityTypeBuilder<ReviewAssignment> builder)
    {
        builder.ToTable("Grants_ReviewAssignments");
        builder.HasIndex(a => new { a.ApplicationId, a.ReviewerUserId }).IsUnique();
        builder.HasIndex(a => new { a.RoundId, a.ReviewerUserId });
        builder.HasOne<GrantApplication>().WithMany().HasForeignKey(a => a.ApplicationId);
        builder.Property(a => a.ReviewerName).HasMaxLength(100);
        builder.Property(a => a.RecusalReason).HasMaxLength(2000);
        builder.Property(a => a.ReopenReason).HasMaxLength(2000);
        builder.HasMany(a => a.Scores).WithOne().HasForeignKey(s => s.AssignmentId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(a => a.IsActive);
        builder.Ignore(a => a.MayOpen);
    }
}

internal sealed class ReviewScoreConfiguration : IEntityTypeConfiguration<ReviewScore>
{
    public void Configure(EntityTypeBuilder<ReviewScore> builder)
    {
        builder.ToTable("Grants_ReviewScores");
        builder.HasIndex(s => new { s.AssignmentId, s.CriterionCode }).IsUnique();
        builder.Property(s => s.CriterionCode).HasMaxLength(40);
        builder.Property(s => s.Points).HasPrecision(6, 1);
        builder.Property(s => s.Comment).HasMaxLength(2000);
    }
}

internal sealed class StreetRecommendationConfiguration : IEntityTypeConfiguration<StreetRecommendation>
{
    public void Configure(EntityTypeBuilder<StreetRecommendation> builder)
    {
        builder.ToTable("Grants_StreetRecommendations");
        builder.HasIndex(r => r.ApplicationId).IsUnique();
        builder.HasOne<GrantApplication>().WithMany().HasForeignKey(r => r.ApplicationId);
        builder.Property(r => r.Street).HasMaxLength(100);
        builder.Property(r => r.Opinion).HasMaxLength(StreetRecommendationRules.OpinionMax);
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.UserName).HasMaxLength(200);
    }
}

internal sealed class ApplicationAttachmentConfiguration : IEntityTypeConfiguration<ApplicationAttachment>
{
    public void Configure(EntityTypeBuilder<ApplicationAttachment> builder)
    {
        builder.ToTable("Grants_ApplicationAttachments");
        builder.HasIndex(a => a.ApplicationId);
        builder.HasIndex(a => a.FileId);
        builder.HasOne<GrantApplication>().WithMany().HasForeignKey(a => a.ApplicationId);
        builder.Property(a => a.DocumentName).HasMaxLength(AttachmentRules.NameMax);
        builder.Property(a => a.FileName).HasMaxLength(260);
        builder.Property(a => a.UploadedBy).HasMaxLength(200);
    }
}

internal sealed class ScoringReminderConfiguration : IEntityTypeConfiguration<ScoringReminder>
{
    public void Configure(EntityTypeBuilder<ScoringReminder> builder)
    {
        builder.ToTable("Grants_ScoringReminders");
        builder.HasIndex(r => new { r.RoundId, r.ReviewerUserId }).IsUnique();
        builder.HasOne<GrantRound>().WithMany().HasForeignKey(r => r.RoundId);
        builder.Property(r => r.ReviewerUserId).HasMaxLength(450);
    }
}

internal sealed class ApplicationMessageConfiguration : IEntityTypeConfiguration<ApplicationMessage>
{
    public void Configure(EntityTypeBuilder<ApplicationMessage> builder)
    {
        builder.ToTable("Grants_ApplicationMessages");
        builder.HasIndex(m => m.ApplicationId);
        builder.HasIndex(m => m.FileId);
        builder.HasOne<GrantApplication>().WithMany().HasForeignKey(m => m.ApplicationId);
        builder.HasIndex(m => m.AgreementId);
        builder.HasOne<GrantAgreement>().WithMany().HasForeignKey(m => m.AgreementId);
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.UserName).HasMaxLength(200);
        builder.Property(m => m.Body).HasMaxLength(MessageRules.BodyMax);
        builder.Property(m => m.FileName).HasMaxLength(260);
    }
}
