using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Ratings_Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    WindowOpens = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WindowCloses = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RuleSet = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RubricsJson = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ScaleJson = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PublicityDays = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_Campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ratings_Grades",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: true),
                    AwardedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReplacedByGrade = table.Column<int>(type: "INTEGER", nullable: true),
                    Reminded6Months = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reminded1Month = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_Grades", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ratings_Rubrics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DefinitionJson = table.Column<string>(type: "TEXT", nullable: false),
                    LoadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_Rubrics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ratings_Applications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganizationType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    RubricId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApplicantUserId = table.Column<string>(type: "TEXT", nullable: true),
                    SelfAssessmentJson = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EligibilityJson = table.Column<string>(type: "TEXT", nullable: false),
                    EligibilityOverridden = table.Column<bool>(type: "INTEGER", nullable: true),
                    EligibilityNote = table.Column<string>(type: "TEXT", nullable: true),
                    EligibilityBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FieldAssessmentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ComputedTotal = table.Column<decimal>(type: "TEXT", precision: 7, scale: 1, nullable: true),
                    ComputedGrade = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedGrade = table.Column<int>(type: "INTEGER", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: true),
                    PublicityEndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnnouncedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_Applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ratings_Applications_Ratings_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Ratings_Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ratings_Evidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_Evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ratings_Evidence_Ratings_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Ratings_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ratings_PanelMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewerUserId = table.Column<string>(type: "TEXT", nullable: false),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DeclaredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Recused = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScoresSubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_PanelMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ratings_PanelMembers_Ratings_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Ratings_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ratings_ReviewRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FiledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Grounds = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    GradeAfterReview = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_ReviewRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ratings_ReviewRequests_Ratings_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Ratings_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ratings_Scores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewerUserId = table.Column<string>(type: "TEXT", nullable: false),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 7, scale: 1, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_Scores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ratings_Scores_Ratings_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Ratings_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_Applications_CampaignId_OrganizationId",
                table: "Ratings_Applications",
                columns: new[] { "CampaignId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_Applications_CampaignId_State",
                table: "Ratings_Applications",
                columns: new[] { "CampaignId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_Applications_OrganizationId",
                table: "Ratings_Applications",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_Evidence_ApplicationId",
                table: "Ratings_Evidence",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_Evidence_FileId",
                table: "Ratings_Evidence",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_Grades_OrganizationId_ValidUntil",
                table: "Ratings_Grades",
                columns: new[] { "OrganizationId", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_Grades_ValidUntil_EndedOn",
                table: "Ratings_Grades",
                columns: new[] { "ValidUntil", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_PanelMembers_ApplicationId_ReviewerUserId",
                table: "Ratings_PanelMembers",
                columns: new[] { "ApplicationId", "ReviewerUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_PanelMembers_ReviewerUserId",
                table: "Ratings_PanelMembers",
                column: "ReviewerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_ReviewRequests_ApplicationId",
                table: "Ratings_ReviewRequests",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_Rubrics_Code_Version",
                table: "Ratings_Rubrics",
                columns: new[] { "Code", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_Scores_ApplicationId_ReviewerUserId_IndicatorCode",
                table: "Ratings_Scores",
                columns: new[] { "ApplicationId", "ReviewerUserId", "IndicatorCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Ratings_Evidence");

            migrationBuilder.DropTable(
                name: "Ratings_Grades");

            migrationBuilder.DropTable(
                name: "Ratings_PanelMembers");

            migrationBuilder.DropTable(
                name: "Ratings_ReviewRequests");

            migrationBuilder.DropTable(
                name: "Ratings_Rubrics");

            migrationBuilder.DropTable(
                name: "Ratings_Scores");

            migrationBuilder.DropTable(
                name: "Ratings_Applications");

            migrationBuilder.DropTable(
                name: "Ratings_Campaigns");
        }
    }
}
