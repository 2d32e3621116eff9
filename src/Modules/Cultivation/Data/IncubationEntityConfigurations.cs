using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Cultivation.Domain;

namespace Registry.Cultivation.Data;

internal sealed class IncubationBaseConfiguration : IEntityTypeConfiguration<IncubationBase>
{
    public void Configure(EntityTypeBuilder<IncubationBase> builder)
    {
        builder.ToTable("Cultivation_IncubationBases");
        builder.Property(b => b.Name).HasMaxLength(IncubationBase.MaxShort);
        builder.HasIndex(b => b.Name).IsUnique();
        builder.Property(b => b.OperatorName).HasMaxLength(IncubationBase.MaxShort);
        builder.Property(b => b.Address).HasMaxLength(IncubationBase.MaxShort);
        builder.HasMany(b => b.Residents).WithOne().HasForeignKey(r => r.BaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncubatedOrganizationConfiguration : IEntityTypeConfiguration<IncubatedOrganization>
{
    public void Configure(EntityTypeBuilder<IncubatedOrganization> builder)
    {
        builder.ToTable("Cultivation_IncubatedOrganizations");
        builder.Property(s => s.Name).HasMaxLength(IncubationBase.MaxShort);
        builder.Property(s => s.ServiceField).HasMaxLength(50);
        builder.Property(s => s.Mentor).HasMaxLength(IncubationBase.MaxShort);
        builder.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Note).HasMaxLength(IncubatedOrganization.MaxText);
        builder.Ignore(s => s.GraduatedOnRegister);
        builder.HasIndex(s => new { s.State, s.ExitedOn });
        builder.HasIndex(s => s.Name);
        builder.HasMany(s => s.Services).WithOne().HasForeignKey(r => r.IncubatedOrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncubationServiceRecordConfiguration : IEntityTypeConfiguration<IncubationServiceRecord>
{
    public void Configure(EntityTypeBuilder<IncubationServiceRecord> builder)
    {
        builder.ToTable("Cultivation_IncubationServices");
        builder.Property(r => r.Description).HasMaxLength(IncubationServiceRecord.MaxText);
    }
}
