using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Cultivation.Domain;

namespace Registry.Cultivation.Data;

internal sealed class HubBatchConfiguration : IEntityTypeConfiguration<HubBatch>
{
    public void Configure(EntityTypeBuilder<HubBatch> builder)
    {
        builder.ToTable("Cultivation_HubBatches");
        builder.HasIndex(b => b.Number).IsUnique();
        builder.Property(b => b.Title).HasMaxLength(HubBatch.MaxShort);
        builder.Property(b => b.DecisionNumber).HasMaxLength(60);
        builder.HasMany(b => b.Hubs).WithOne().HasForeignKey(h => h.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HubConfiguration : IEntityTypeConfiguration<Hub>
{
    public void Configure(EntityTypeBuilder<Hub> builder)
    {
        builder.ToTable("Cultivation_Hubs");
        builder.Property(h => h.OrganizationName).HasMaxLength(200);
        builder.Property(h => h.Field).HasMaxLength(50);
        builder.Property(h => h.Street).HasMaxLength(50);
        builder.Property(h => h.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.WithdrawalReason).HasMaxLength(HubWorkflow.MaxReason);
        builder.HasIndex(h => new { h.OrganizationId, h.Field }).IsUnique();
        builder.Ignore(h => h.IsActive);
        builder.HasMany(h => h.Members).WithOne().HasForeignKey(m => m.HubId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HubMemberConfiguration : IEntityTypeConfiguration<HubMember>
{
    public void Configure(EntityTypeBuilder<HubMember> builder)
    {
        builder.ToTable("Cultivation_HubMembers");
        builder.Property(m => m.OrganizationName).HasMaxLength(200);
        builder.Property(m => m.Field).HasMaxLength(50);
        // One hub per field for each member (枢纽型社会组织 serve a field; a member may belong to several fields' hubs).
        builder.HasIndex(m => new { m.OrganizationId, m.Field }).IsUnique();
    }
}

internal sealed class HubReminderConfiguration : IEntityTypeConfiguration<HubReminder>
{
    public void Configure(EntityTypeBuilder<HubReminder> builder)
    {
        builder.ToTable("Cultivation_HubReminders");
        builder.Property(r => r.Message).HasMaxLength(HubReminder.MaxMessage);
        builder.Property(r => r.SentBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.HubId, r.OrganizationId, r.SentAt });
    }
}

internal sealed class ServiceListCallConfiguration : IEntityTypeConfiguration<ServiceListCall>
{
    public void Configure(EntityTypeBuilder<ServiceListCall> builder)
    {
        builder.ToTable("Cultivation_ServiceListCalls");
        builder.HasIndex(c => c.Year).IsUnique();
        builder.Property(c => c.Title).HasMaxLength(ServiceListCall.MaxShort);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        builder.HasMany(c => c.Applications).WithOne().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceListApplicationConfiguration : IEntityTypeConfiguration<ServiceListApplication>
{
    public void Configure(EntityTypeBuilder<ServiceListApplication> builder)
    {
        builder.ToTable("Cultivation_ServiceListApplications");
        builder.Property(a => a.OrganizationName).HasMaxLength(200);
        builder.Property(a => a.TypeCode).HasMaxLength(30);
        builder.Property(a => a.ServiceField).HasMaxLength(50);
        builder.Property(a => a.Services).HasMaxLength(ServiceListApplication.MaxText);
        builder.Property(a => a.SubmittedBy).HasMaxLength(256);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Note).HasMaxLength(ServiceListApplication.MaxText);
        builder.HasIndex(a => new { a.CallId, a.OrganizationId, a.ServiceField }).IsUnique();
        builder.HasIndex(a => new { a.OrganizationId, a.State });
    }
}

internal sealed class PurchaseContractConfiguration : IEntityTypeConfiguration<PurchaseContract>
{
    public void Configure(EntityTypeBuilder<PurchaseContract> builder)
    {
        builder.ToTable("Cultivation_PurchaseContracts");
        builder.Property(c => c.OrganizationName).HasMaxLength(200);
        builder.Property(c => c.Department).HasMaxLength(PurchaseContract.MaxShort);
        builder.Property(c => c.Project).HasMaxLength(PurchaseContract.MaxShort);
        builder.HasIndex(c => c.StartsOn);
        builder.HasIndex(c => c.OrganizationId);
    }
}
