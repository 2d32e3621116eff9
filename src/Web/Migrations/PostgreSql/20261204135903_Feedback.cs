using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Registry.Web.Migrations.PostgreSql
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SourceKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ApplicantUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Feedback_Services", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Feedback_Ratings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ServiceId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FollowUp = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    FollowUpStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FollowUpWorkingDays = table.Column<int>(type: "integer", nullable: true),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
