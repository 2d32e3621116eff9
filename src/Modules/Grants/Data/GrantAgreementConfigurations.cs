using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Grants.Domain;

namespace Registry.Grants.Data;

internal sealed class GrantAgreementConfiguration : IEntityTypeConfiguration<GrantAgreement>
{
    public void Configure(EntityTypeBuilder<GrantAgreement> builder)
    {
        builder.ToTable("Grants_Agreements");
        builder.HasIndex(a => a.ApplicationId).IsUnique();
        builder.HasIndex(a => new { a.RoundId, a.State });
        builder.HasIndex(a => a.OrganizationId);
        builder.HasOne<GrantApplication>().WithMany().HasForeignKey(a => a.ApplicationId);
        builder.Property(a => a.OrganizationName).HasMaxLength(200);
        builder.Property(a => a.Title).HasMaxLength(200);
        builder.Property(a => a.Category).HasMaxLength(50);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Result).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.RevisionRequest).HasMaxLength(2000);
        builder.Property(a => a.PlanJson).HasMaxLength(40000);
        builder.Property(a => a.SignedFileName).HasMaxLength(260);
        builder.HasMany(a => a.Tranches).WithOne().HasForeignKey(t => t.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(a => a.Plan);
        builder.Ignore(a => a.PaidFen);
    }
}

internal sealed class GrantTrancheConfiguration : IEntityTypeConfiguration<GrantTranche>
{
    public void Configure(EntityTypeBuilder<GrantTranche> builder)
    {
        builder.ToTable("Grants_Tranches");
        builder.HasIndex(t => new { t.AgreementId, t.Index }).IsUnique();
        builder.Property(t => t.Condition).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(t => t.Payments).WithOne().HasForeignKey(p => p.TrancheId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(t => t.PaidFen);
        builder.Ignore(t => t.UnpaidFen);
    }
}

internal sealed class GrantPaymentConfiguration : IEntityTypeConfiguration<GrantPayment>
{
    public void Configure(EntityTypeBuilder<GrantPayment> builder)
    {
        builder.ToTable("Grants_Payments");
        // The round's paid figure sums payments by agreement in the database.
        builder.HasIndex(p => new { p.AgreementId, p.AmountFen });
        builder.Property(p => p.Reference).HasMaxLength(100);
        builder.Property(p => p.RecordedBy).HasMaxLength(100);
    }
}

internal sealed class GrantRefundConfiguration : IEntityTypeConfiguration<GrantRefund>
{
    public void Configure(EntityTypeBuilder<GrantRefund> builder)
    {
        builder.ToTable("Grants_Refunds");
        builder.HasIndex(r => r.AgreementId);
        builder.HasOne<GrantAgreement>().WithMany().HasForeignKey(r => r.AgreementId);
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.RequiredBy).HasMaxLength(100);
        builder.HasMany(r => r.Repayments).WithOne().HasForeignKey(p => p.RefundId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(r => r.RepaidFen);
        builder.Ignore(r => r.OutstandingFen);
    }
}

internal sealed class GrantRepaymentConfiguration : IEntityTypeConfiguration<GrantRepayment>
{
    public void Configure(EntityTypeBuilder<GrantRepayment> builder)
    {
        builder.ToTable("Grants_Repayments");
        builder.HasIndex(p => new { p.AgreementId, p.AmountFen });
        builder.Property(p => p.Reference).HasMaxLength(100);
        builder.Property(p => p.RecordedBy).HasMaxLength(100);
    }
}

internal sealed class AgreementRevisionConfiguration : IEntityTypeConfiguration<AgreementRevision>
{
    public void Configure(EntityTypeBuilder<AgreementRevision> builder)
    {
        builder.ToTable("Grants_AgreementRevisions");
        builder.HasIndex(r => new { r.AgreementId, r.Number }).IsUnique();
        builder.HasOne<GrantAgreement>().WithMany().HasForeignKey(r => r.AgreementId);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.PlanJson).HasMaxLength(40000);
        builder.Property(r => r.SubmittedBy).HasMaxLength(100);
        builder.Property(r => r.DecidedBy).HasMaxLength(100);
        builder.Property(r => r.Note).HasMaxLength(2000);
        builder.Ignore(r => r.Plan);
    }
}
