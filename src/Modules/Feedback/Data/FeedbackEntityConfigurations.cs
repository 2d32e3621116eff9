using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Registry.Feedback.Domain;

namespace Registry.Feedback.Data;

internal sealed class CompletedServiceConfiguration : IEntityTypeConfiguration<CompletedService>
{
    public void Configure(EntityTypeBuilder<CompletedService> builder)
    {
        builder.ToTable("Feedback_Services");
        builder.Property(s => s.SourceKey).HasMaxLength(120);
        builder.HasIndex(s => s.SourceKey).IsUnique();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.OrganizationName).HasMaxLength(200);
        builder.Property(s => s.ApplicantUserId).HasMaxLength(450);
        builder.Property(s => s.Subject).HasMaxLength(CompletedService.MaxSubject);
        builder.HasIndex(s => s.OrganizationId);
        builder.HasIndex(s => s.ApplicantUserId);
        builder.HasOne(s => s.Rating).WithOne().HasForeignKey<ServiceRating>(r => r.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceRatingConfiguration : IEntityTypeConfiguration<ServiceRating>
{
    public void Configure(EntityTypeBuilder<ServiceRating> builder)
    {
        builder.ToTable("Feedback_Ratings");
        // One rating per service: the unique index is the last word when two members rate at once.
        builder.HasIndex(r => r.ServiceId).IsUnique();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Reasons).HasMaxLength(ServiceRating.MaxReasons);
        builder.Property(r => r.Comment).HasMaxLength(ServiceRating.MaxComment);
        builder.Property(r => r.RatedByUserId).HasMaxLength(450);
        builder.Property(r => r.FollowUp).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Answer).HasMaxLength(ServiceRating.MaxAnswer);
        builder.Property(r => r.AnsweredBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.RatedOn, r.Kind });
        builder.HasIndex(r => r.FollowUp);
        builder.Ignore(r => r.ReasonList);
    }
}
