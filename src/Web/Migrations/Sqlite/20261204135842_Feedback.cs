using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Feedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Feedback_Services",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganizationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ApplicantUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Feedback_Services", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Feedback_Ratings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    RatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FollowUp = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    FollowUpStartedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FollowUpWorkingDays = table.Column<int>(type: "INTEGER", nullable: true),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Feedback_Ratings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Feedback_Ratings_Feedback_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Feedback_Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_Ratings_FollowUp",
                table: "Feedback_Ratings",
                column: "FollowUp");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_Ratings_RatedOn_Kind",
                table: "Feedback_Ratings",
                columns: new[] { "RatedOn", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_Ratings_ServiceId",
                table: "Feedback_Ratings",
                column: "ServiceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_Services_ApplicantUserId",
                table: "Feedback_Services",
                column: "ApplicantUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_Services_OrganizationId",
                table: "Feedback_Services",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_Services_SourceKey",
                table: "Feedback_Services",
                column: "SourceKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Feedback_Ratings");

            migrationBuilder.DropTable(
                name: "Feedback_Services");
        }
    }
}
