using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RatingsOversight : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "Ratings_ReviewRequests");

            migrationBuilder.AddColumn<int>(
                name: "AnswerWorkingDays",
                table: "Ratings_ReviewRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FiledOn",
                table: "Ratings_ReviewRequests",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // Requests filed before: their inputs are the filing day in Asia/Shanghai and the measures' 15 working days;
            // campaigns opened before keep the two years they were checked with.
            migrationBuilder.Sql(@"UPDATE ""Ratings_ReviewRequests"" SET ""FiledOn"" = date(""FiledAt"", '+8 hours'), ""AnswerWorkingDays"" = 15;");

            migrationBuilder.AddColumn<int>(
                name: "ReratingAfterYears",
                table: "Ratings_Campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<int>(
                name: "YearsRegistered",
                table: "Ratings_Campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 2);

            migrationBuilder.AddColumn<bool>(
                name: "DeclaredNoPenalty",
                table: "Ratings_Applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "DeclaredNotUnderInvestigation",
                table: "Ratings_Applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "SimplifiedFieldAssessment",
                table: "Ratings_Applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Ratings_FollowUpDraws",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    DrawnOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DrawnBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ShareBasisPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumGrade = table.Column<int>(type: "INTEGER", nullable: false),
                    Pool = table.Column<string>(type: "TEXT", nullable: false),
                    Selected = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_FollowUpDraws", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ratings_GradeEvaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GradeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false),
                    DrawId = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ResultGrade = table.Column<int>(type: "INTEGER", nullable: true),
                    Conclusion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ConcludedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConcludedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_GradeEvaluations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ratings_GradeProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    InspectionYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    GradeId = table.Column<int>(type: "INTEGER", nullable: false),
                    CurrentGrade = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedGrade = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceMessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_GradeProposals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_GradeEvaluations_OrganizationId",
                table: "Ratings_GradeEvaluations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_GradeEvaluations_Outcome_Kind",
                table: "Ratings_GradeEvaluations",
                columns: new[] { "Outcome", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_GradeProposals_OrganizationId_InspectionYear",
                table: "Ratings_GradeProposals",
                columns: new[] { "OrganizationId", "InspectionYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_GradeProposals_State",
                table: "Ratings_GradeProposals",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Ratings_FollowUpDraws");

            migrationBuilder.DropTable(
                name: "Ratings_GradeEvaluations");

            migrationBuilder.DropTable(
                name: "Ratings_GradeProposals");

            migrationBuilder.DropColumn(
                name: "AnswerWorkingDays",
                table: "Ratings_ReviewRequests");

            migrationBuilder.DropColumn(
                name: "FiledOn",
                table: "Ratings_ReviewRequests");

            migrationBuilder.DropColumn(
                name: "ReratingAfterYears",
                table: "Ratings_Campaigns");

            migrationBuilder.DropColumn(
                name: "YearsRegistered",
                table: "Ratings_Campaigns");

            migrationBuilder.DropColumn(
                name: "DeclaredNoPenalty",
                table: "Ratings_Applications");

            migrationBuilder.DropColumn(
                name: "DeclaredNotUnderInvestigation",
                table: "Ratings_Applications");

            migrationBuilder.DropColumn(
                name: "SimplifiedFieldAssessment",
                table: "Ratings_Applications");

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "Ratings_ReviewRequests",
                type: "TEXT",
                nullable: true);
        }
    }
}
