using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Registry.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddGrants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Grants_Rounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Programme = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    BudgetFen = table.Column<long>(type: "bigint", nullable: false),
                    CategoriesJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ProjectCapFen = table.Column<long>(type: "bigint", nullable: false),
                    MaxGrantShareBasisPoints = table.Column<int>(type: "integer", nullable: false),
                    MinMonths = table.Column<int>(type: "integer", nullable: false),
                    MaxMonths = table.Column<int>(type: "integer", nullable: false),
                    EligibilityJson = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ForbiddenItems = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OpensAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RubricJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ReviewersPerApplication = table.Column<int>(type: "integer", nullable: false),
                    BlindReview = table.Column<bool>(type: "boolean", nullable: false),
                    SpreadThreshold = table.Column<int>(type: "integer", nullable: false),
                    TranchePlanJson = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RankBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PublicityDays = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ShortlistNoticeId = table.Column<int>(type: "integer", nullable: true),
                    PublicityEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_Rounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Grants_Applications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ApplicantUserId = table.Column<string>(type: "text", nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Beneficiaries = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    BeneficiaryCount = table.Column<int>(type: "integer", nullable: false),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Need = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    Objectives = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    IndicatorsJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ActivityPlan = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Team = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    Partners = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    NoOtherGovernmentFunding = table.Column<bool>(type: "boolean", nullable: false),
                    RequestedFen = table.Column<long>(type: "bigint", nullable: false),
                    MatchingFen = table.Column<long>(type: "bigint", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EligibilityJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ScreeningRule = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ScreeningNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ScreenedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ScreenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CutToFen = table.Column<long>(type: "bigint", nullable: true),
                    CutReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AllocatedFen = table.Column<long>(type: "bigint", nullable: true),
                    AllocationNote = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    RankScore = table.Column<decimal>(type: "numeric(9,3)", precision: 9, scale: 3, nullable: true),
                    AwardedFen = table.Column<long>(type: "bigint", nullable: true),
                    AwardedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WithdrawReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_Applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_Applications_Grants_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Grants_Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Grants_BudgetLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Item = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestedFen = table.Column<long>(type: "bigint", nullable: false),
                    MatchingFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_BudgetLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_BudgetLines_Grants_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Grants_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Grants_ReviewAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    ReviewerUserId = table.Column<string>(type: "text", nullable: false),
                    ReviewerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Automatic = table.Column<bool>(type: "boolean", nullable: false),
                    DeclaredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Recused = table.Column<bool>(type: "boolean", nullable: false),
                    RecusalReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReopenReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_ReviewAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_ReviewAssignments_Grants_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Grants_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Grants_ReviewScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssignmentId = table.Column<int>(type: "integer", nullable: false),
                    CriterionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Points = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_ReviewScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_ReviewScores_Grants_ReviewAssignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "Grants_ReviewAssignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_Applications_OrganizationId",
                table: "Grants_Applications",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_Applications_RoundId_State",
                table: "Grants_Applications",
                columns: new[] { "RoundId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_BudgetLines_ApplicationId",
                table: "Grants_BudgetLines",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ReviewAssignments_ApplicationId_ReviewerUserId",
                table: "Grants_ReviewAssignments",
                columns: new[] { "ApplicationId", "ReviewerUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ReviewAssignments_RoundId_ReviewerUserId",
                table: "Grants_ReviewAssignments",
                columns: new[] { "RoundId", "ReviewerUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ReviewScores_AssignmentId_CriterionCode",
                table: "Grants_ReviewScores",
                columns: new[] { "AssignmentId", "CriterionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Grants_Rounds_Year_Programme",
                table: "Grants_Rounds",
                columns: new[] { "Year", "Programme" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Grants_BudgetLines");

            migrationBuilder.DropTable(
                name: "Grants_ReviewScores");

            migrationBuilder.DropTable(
                name: "Grants_ReviewAssignments");

            migrationBuilder.DropTable(
                name: "Grants_Applications");

            migrationBuilder.DropTable(
                name: "Grants_Rounds");
        }
    }
}
