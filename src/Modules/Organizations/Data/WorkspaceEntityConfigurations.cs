using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Organizations.Domain;

namespace Registry.Organizations.Data;

internal sealed class ObligationReminderConfiguration : IEntityTypeConfiguration<ObligationReminder>
{
    public void Configure(EntityTypeBuilder<ObligationReminder> builder)
    {
        builder.ToTable("Organizations_ObligationReminders");
        builder.Property(r => r.ObligationKey).HasMaxLength(200);
        builder.HasIndex(r => new { r.OrganizationId, r.ObligationKey, r.Threshold }).IsUnique();
    }
}

internal sealed class WorkspaceFeedConfiguration : IEntityTypeConfiguration<WorkspaceFeed>
{
    public void Configure(EntityTypeBuilder<WorkspaceFeed> builder)
    {
        builder.ToTable("Organizations_WorkspaceFeeds");
        builder.HasKey(f => f.OrganizationId);
        builder.Property(f => f.Token).HasMaxLength(64);
        builder.Property(f => f.CreatedBy).HasMaxLength(450);
        builder.HasIndex(f => f.Token).IsUnique();
    }
}
