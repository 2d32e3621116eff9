using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Supervision.Domain;

namespace Registry.Supervision.Data;

internal sealed class PenaltyCaseConfiguration : IEntityTypeConfiguration<PenaltyCase>
{
    public void Configure(EntityTypeBuilder<PenaltyCase> builder)
    {
        builder.ToTable("Supervision_Cases");
        builder.Property(c => c.CaseNumber).HasMaxLength(30);
        builder.HasIndex(c => c.CaseNumber).IsUnique();
        builder.Property(c => c.OrganizationName).HasMaxLength(200);
        builder.Property(c => c.CreditCode).HasMaxLength(30);
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Cause).HasMaxLength(PenaltyCase.MaxShort);
        builder.Property(c => c.LegalBasis).HasMaxLength(PenaltyCase.MaxShort);
        builder.Property(c => c.Facts).HasMaxLength(PenaltyCase.MaxText);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.DecisionNumber).HasMaxLength(60);
        builder.HasIndex(c => c.DecisionNumber).IsUnique();
        builder.Property(c => c.DecisionReasoning).HasMaxLength(PenaltyCase.MaxText);
        builder.Property(c => c.Officer).HasMaxLength(256);
        builder.OwnsOne(c => c.Proposed, Measures("Proposed"));
        builder.OwnsOne(c => c.Decided, Measures("Decided"));
        builder.Ignore(c => c.NotifiedOn);
        builder.Ignore(c => c.DeliveredOn);
        builder.Ignore(c => c.IsPenalty);
        builder.HasIndex(c => new { c.OrganizationId, c.DecidedOn });
        builder.HasIndex(c => new { c.State, c.FiledOn });
        builder.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
    }

    private static Action<OwnedNavigationBuilder<PenaltyCase, PenaltyMeasures>> Measures(string prefix) => m =>
    {
        m.Property(x => x.Warning).HasColumnName(prefix + "Warning");
        m.Property(x => x.FineFen).HasColumnName(prefix + "FineFen");
        m.Property(x => x.ConfiscatedIncomeFen).HasColumnName(prefix + "ConfiscatedIncomeFen");
        m.Property(x => x.ConfiscatedProperty).HasColumnName(prefix + "ConfiscatedProperty").HasMaxLength(500);
        m.Property(x => x.ConfiscatedPropertyFen).HasColumnName(prefix + "ConfiscatedPropertyFen");
        m.Property(x => x.SuspensionMonths).HasColumnName(prefix + "SuspensionMonths");
        m.Property(x => x.RevokeRegistration).HasColumnName(prefix + "RevokeRegistration");
        m.Ignore(x => x.IsEmpty);
    };
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> builder)
    {
        builder.ToTable("Supervision_CaseEvents");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.ApprovedBy).HasMaxLength(200);
        builder.Property(e => e.Note).HasMaxLength(PenaltyCase.MaxText);
    }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> builder)
    {
        builder.ToTable("Supervision_Complaints");
        builder.Property(c => c.ReceiptNumber).HasMaxLength(30);
        builder.HasIndex(c => c.ReceiptNumber).IsUnique();
        builder.Property(c => c.SecretHash).HasMaxLength(64);
        builder.Property(c => c.UserId).HasMaxLength(450);
        builder.HasIndex(c => c.UserId);
        builder.Property(c => c.Name).HasMaxLength(Complaint.MaxShort);
        builder.Property(c => c.Phone).HasMaxLength(Complaint.MaxShort);
        builder.Property(c => c.Email).HasMaxLength(Complaint.MaxShort);
        builder.Property(c => c.Subject).HasMaxLength(Complaint.MaxShort);
        builder.Property(c => c.Cause).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.Content).HasMaxLength(Complaint.MaxText);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.AssignedTo).HasMaxLength(Complaint.MaxShort);
        builder.Property(c => c.Reply).HasMaxLength(Complaint.MaxText);
        builder.HasMany(c => c.Attachments).WithOne().HasForeignKey(a => a.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComplaintAttachmentConfiguration : IEntityTypeConfiguration<ComplaintAttachment>
{
    public void Configure(EntityTypeBuilder<ComplaintAttachment> builder)
    {
        builder.ToTable("Supervision_ComplaintAttachments");
        builder.Property(a => a.FileName).HasMaxLength(260);
        builder.HasIndex(a => a.FileId);
    }
}

internal sealed class InspectionPlanConfiguration : IEntityTypeConfiguration<InspectionPlan>
{
    public void Configure(EntityTypeBuilder<InspectionPlan> builder)
    {
        builder.ToTable("Supervision_Plans");
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Types).HasMaxLength(200);
        builder.Property(p => p.Streets).HasMaxLength(500);
        builder.Property(p => p.Standing).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.SharePercent).HasPrecision(5, 2);
        builder.Property(p => p.Strata).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Items).HasMaxLength(InspectionPlan.MaxText);
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.SeedCommitment).HasMaxLength(64);
        builder.Property(p => p.Seed).HasMaxLength(64);
        builder.Property(p => p.PopulationHash).HasMaxLength(64);
        builder.HasMany(p => p.Population).WithOne().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Inspectors).WithOne().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Checks).WithOne().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanPopulationConfiguration : IEntityTypeConfiguration<PlanPopulationMember>
{
    public void Configure(EntityTypeBuilder<PlanPopulationMember> builder)
    {
        builder.ToTable("Supervision_PlanPopulation");
        builder.Property(m => m.Code).HasMaxLength(30);
        builder.Property(m => m.Name).HasMaxLength(200);
        builder.Property(m => m.Stratum).HasMaxLength(100);
    }
}

internal sealed class PlanInspectorConfiguration : IEntityTypeConfiguration<PlanInspector>
{
    public void Configure(EntityTypeBuilder<PlanInspector> builder)
    {
        builder.ToTable("Supervision_PlanInspectors");
        builder.Property(m => m.Key).HasMaxLength(10);
        builder.Property(m => m.Name).HasMaxLength(100);
        builder.Property(m => m.UserId).HasMaxLength(450);
    }
}

internal sealed class SpotCheckConfiguration : IEntityTypeConfiguration<SpotCheck>
{
    public void Configure(EntityTypeBuilder<SpotCheck> builder)
    {
        builder.ToTable("Supervision_Checks");
        builder.Property(c => c.OrganizationName).HasMaxLength(200);
        builder.Property(c => c.Code).HasMaxLength(30);
        builder.Property(c => c.Stratum).HasMaxLength(100);
        builder.Property(c => c.RankKey).HasMaxLength(64);
        builder.Property(c => c.InspectorKeys).HasMaxLength(200);
        builder.Property(c => c.ExcludedKeys).HasMaxLength(500);
        builder.Property(c => c.ItemsChecked).HasMaxLength(InspectionPlan.MaxText);
        builder.Property(c => c.Findings).HasMaxLength(InspectionPlan.MaxText);
        builder.Property(c => c.Result).HasConversion<string>().HasMaxLength(30);
    }
}
