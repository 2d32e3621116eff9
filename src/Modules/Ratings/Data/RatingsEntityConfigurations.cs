using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Ratings.Domain;

namespace Registry.Ratings.Data;

internal sealed class RubricConfiguration : IEntityTypeConfiguration<Rubric>
{
    public void Configure(EntityTypeBuilder<Rubric> builder)
    {
        builder.ToTable("Ratings_Rubrics");
        builder.HasIndex(r => new { r.Code, r.Version }).IsUnique();
        builder.Property(r => r.Code).HasMaxLength(60);
        builder.Property(r => r.OrganizationType).HasMaxLength(30);
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Ignore(r => r.Definition);
    }
}

internal sealed class RatingCampaignConfiguration : IEntityTypeConfiguration<RatingCampaign>
{
    public void Configure(EntityTypeBuilder<RatingCampaign> builder)
    {
        builder.ToTable("Ratings_Campaigns");
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.RuleSet).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.RubricsJson).HasMaxLength(1000);
        builder.Property(c => c.ScaleJson).HasMaxLength(500);
        builder.Property(c => c.OpenedBy).HasMaxLength(100);
        builder.Ignore(c => c.Rubrics);
        builder.Ignore(c => c.Scale);
        builder.Ignore(c => c.Policy);
        builder.Ignore(c => c.ReviewBodyKey);
    }
}

internal sealed class RatingApplicationConfiguration : IEntityTypeConfiguration<RatingApplication>
{
    public void Configure(EntityTypeBuilder<RatingApplication> builder)
    {
        builder.ToTable("Ratings_Applications");
        builder.HasIndex(a => new { a.CampaignId, a.OrganizationId }).IsUnique();
        builder.HasIndex(a => new { a.CampaignId, a.State });
        builder.HasIndex(a => a.OrganizationId);
        builder.HasOne<RatingCampaign>().WithMany().HasForeignKey(a => a.CampaignId);
        builder.Property(a => a.OrganizationName).HasMaxLength(200);
        builder.Property(a => a.OrganizationType).HasMaxLength(30);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ComputedTotal).HasPrecision(7, 1);
        builder.Property(a => a.EligibilityBy).HasMaxLength(100);
        builder.HasMany(a => a.Evidence).WithOne().HasForeignKey(e => e.ApplicationId);
    }
}

internal sealed class RatingEvidenceConfiguration : IEntityTypeConfiguration<RatingEvidence>
{
    public void Configure(EntityTypeBuilder<RatingEvidence> builder)
    {
        builder.ToTable("Ratings_Evidence");
        builder.HasIndex(e => e.FileId);
        builder.Property(e => e.FileName).HasMaxLength(260);
        builder.Property(e => e.IndicatorCode).HasMaxLength(40);
    }
}

internal sealed class PanelMemberConfiguration : IEntityTypeConfiguration<PanelMember>
{
    public void Configure(EntityTypeBuilder<PanelMember> builder)
    {
        builder.ToTable("Ratings_PanelMembers");
        builder.HasIndex(p => new { p.ApplicationId, p.ReviewerUserId }).IsUnique();
        builder.HasIndex(p => p.ReviewerUserId);
        builder.HasOne<RatingApplication>().WithMany().HasForeignKey(p => p.ApplicationId);
        builder.Property(p => p.ReviewerName).HasMaxLength(100);
        builder.Ignore(p => p.MaySeeFile);
    }
}

internal sealed class ExpertScoreConfiguration : IEntityTypeConfiguration<ExpertScore>
{
    public void Configure(EntityTypeBuilder<ExpertScore> builder)
    {
        builder.ToTable("Ratings_Scores");
        builder.HasIndex(s => new { s.ApplicationId, s.ReviewerUserId, s.IndicatorCode }).IsUnique();
        builder.HasOne<RatingApplication>().WithMany().HasForeignKey(s => s.ApplicationId);
        builder.Property(s => s.IndicatorCode).HasMaxLength(40);
        builder.Property(s => s.Points).HasPrecision(7, 1);
        builder.Property(s => s.Comment).HasMaxLength(2000);
    }
}

internal sealed class ReviewRequestConfiguration : IEntityTypeConfiguration<ReviewRequest>
{
    public void Configure(EntityTypeBuilder<ReviewRequest> builder)
    {
        builder.ToTable("Ratings_ReviewRequests");
        builder.HasIndex(r => r.ApplicationId);
        builder.HasOne<RatingApplication>().WithMany().HasForeignKey(r => r.ApplicationId);
        builder.Property(r => r.FiledBy).HasMaxLength(100);
        builder.Property(r => r.DecidedBy).HasMaxLength(100);
        builder.Property(r => r.Grounds).HasMaxLength(5000);
        builder.Property(r => r.Decision).HasMaxLength(5000);
    }
}

internal sealed class OrganizationGradeConfiguration : IEntityTypeConfiguration<OrganizationGrade>
{
    public void Configure(EntityTypeBuilder<OrganizationGrade> builder)
    {
        builder.ToTable("Ratings_Grades");
        builder.HasIndex(g => new { g.OrganizationId, g.ValidUntil });
        builder.HasIndex(g => new { g.ValidUntil, g.EndedOn });
        builder.Property(g => g.OrganizationName).HasMaxLength(200);
        builder.Property(g => g.EndReason).HasMaxLength(2000);
    }
}

internal sealed class GradeProposalConfiguration : IEntityTypeConfiguration<GradeProposal>
{
    public void Configure(EntityTypeBuilder<GradeProposal> builder)
    {
        builder.ToTable("Ratings_GradeProposals");

        // One proposal per organization and inspection year: the consumer's idempotency rests on it.
        builder.HasIndex(p => new { p.OrganizationId, p.InspectionYear }).IsUnique();
        builder.HasIndex(p => p.State);
        builder.Property(p => p.OrganizationName).HasMaxLength(200);
        builder.Property(p => p.Cause).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.DecidedBy).HasMaxLength(100);
        builder.Property(p => p.Note).HasMaxLength(2000);
    }
}

internal sealed class GradeEvaluationConfiguration : IEntityTypeConfiguration<GradeEvaluation>
{
    public void Configure(EntityTypeBuilder<GradeEvaluation> builder)
    {
        builder.ToTable("Ratings_GradeEvaluations");
        builder.HasIndex(e => new { e.Outcome, e.Kind });
        builder.HasIndex(e => e.OrganizationId);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.OrganizationName).HasMaxLength(200);
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.Property(e => e.OpenedBy).HasMaxLength(100);
        builder.Property(e => e.Conclusion).HasMaxLength(2000);
        builder.Property(e => e.ConcludedBy).HasMaxLength(100);
    }
}

internal sealed class FollowUpDrawConfiguration : IEntityTypeConfiguration<FollowUpDraw>
{
    public void Configure(EntityTypeBuilder<FollowUpDraw> builder)
    {
        builder.ToTable("Ratings_FollowUpDraws");
        builder.Property(d => d.DrawnBy).HasMaxLength(100);
        builder.Property(d => d.Seed).HasMaxLength(100);
        builder.Ignore(d => d.PoolIds);
        builder.Ignore(d => d.SelectedIds);
    }
}
