using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Grants.Domain;

namespace Registry.Grants.Data;

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> builder)
    {
        builder.ToTable("Grants_ProgressReports");
        builder.HasIndex(r => new { r.AgreementId, r.Kind }).IsUnique();
        builder.HasIndex(r => r.OrganizationId);
        builder.HasIndex(r => new { r.State, r.DueFrom });
        builder.HasOne<GrantApplication>().WithMany().HasForeignKey(r => r.ApplicationId);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Outcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.Narrative).HasMaxLength(ProgressRules.NarrativeMax);
        builder.Property(r => r.IndicatorsJson).HasMaxLength(16000);
        builder.Property(r => r.BudgetJson).HasMaxLength(16000);
        builder.Property(r => r.ReturnReason).HasMaxLength(ProgressRules.ReasonMax);
        builder.Property(r => r.Conditions).HasMaxLength(ProgressRules.ReasonMax);
        builder.Property(r => r.FailReason).HasMaxLength(ProgressRules.ReasonMax);
        builder.Property(r => r.EvaluatedBy).HasMaxLength(100);
        builder.HasMany(r => r.Evidence).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(r => r.Indicators);
        builder.Ignore(r => r.Budget);
        builder.Ignore(r => r.IsEditable);
        builder.Ignore(r => r.Passed);
    }
}

internal sealed class ProgressEvidenceConfiguration : IEntityTypeConfiguration<ProgressEvidence>
{
    public void Configure(EntityTypeBuilder<ProgressEvidence> builder)
    {
        builder.ToTable("Grants_ProgressEvidence");
        builder.HasIndex(e => e.FileId);
        builder.Property(e => e.FileName).HasMaxLength(260);
        builder.Property(e => e.Caption).HasMaxLength(200);
    }
}

internal sealed class EvaluationRubricConfiguration : IEntityTypeConfiguration<EvaluationRubric>
{
    public void Configure(EntityTypeBuilder<EvaluationRubric> builder)
    {
        builder.ToTable("Grants_EvaluationRubrics");
        builder.HasIndex(r => r.RoundId).IsUnique();
        builder.HasOne<GrantRound>().WithMany().HasForeignKey(r => r.RoundId);
        builder.Property(r => r.CriteriaJson).HasMaxLength(8000);
        builder.Ignore(r => r.Criteria);
    }
}

internal sealed class EvaluationSeatConfiguration : IEntityTypeConfiguration<EvaluationSeat>
{
    public void Configure(EntityTypeBuilder<EvaluationSeat> builder)
    {
        builder.ToTable("Grants_EvaluationSeats");
        builder.HasIndex(s => new { s.ReportId, s.EvaluatorUserId }).IsUnique();
        builder.HasIndex(s => s.EvaluatorUserId);
        builder.HasOne<ProgressReport>().WithMany().HasForeignKey(s => s.ReportId);
        builder.Property(s => s.EvaluatorName).HasMaxLength(100);
        builder.Property(s => s.RecusalReason).HasMaxLength(ProgressRules.ReasonMax);
        builder.Property(s => s.ScoresJson).HasMaxLength(16000);
        builder.Ignore(s => s.Scores);
        builder.Ignore(s => s.MayOpen);
        builder.Ignore(s => s.Total);
    }
}
