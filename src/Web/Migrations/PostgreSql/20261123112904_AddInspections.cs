using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Registry.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddInspections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Standing",
                table: "Organizations_Organizations",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Good");

            migrationBuilder.CreateTable(
                name: "Inspections_Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    OrganizationTypes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SimplifiedFromGrade = table.Column<int>(type: "integer", nullable: true),
                    AdminCostWarningPercent = table.Column<int>(type: "integer", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LateListedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections_Campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Inspections_CreditListEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    List = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Cause = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CauseDetail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    EnteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EntryDecision = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Automatic = table.Column<bool>(type: "boolean", nullable: false),
                    ExitRequestedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExitDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExitedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExitCause = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ExitDecision = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ExitedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FromEntryId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections_CreditListEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Inspections_Reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Simplified = table.Column<bool>(type: "boolean", nullable: false),
                    Content_WorkSummary = table.Column<string>(type: "text", nullable: false),
                    Content_NextYearPlan = table.Column<string>(type: "text", nullable: false),
                    Content_IndividualMembers = table.Column<int>(type: "integer", nullable: false),
                    Content_UnitMembers = table.Column<int>(type: "integer", nullable: false),
                    Content_FullTimeStaff = table.Column<int>(type: "integer", nullable: false),
                    Content_Volunteers = table.Column<int>(type: "integer", nullable: false),
                    Content_PartyOrganization = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Content_PartyMembers = table.Column<int>(type: "integer", nullable: false),
                    Content_MajorChanges = table.Column<string>(type: "text", nullable: false),
                    Content_IncomeGovernmentFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_IncomeDonationsFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_IncomeServicesFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_IncomeMembershipFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_IncomeOtherFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_ExpenseProgrammeFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_ExpenseStaffFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_ExpenseAdministrativeFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_ExpenseOtherFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_NetAssetsStartFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_NetAssetsEndFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_AdjustmentFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_AdjustmentExplanation = table.Column<string>(type: "text", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedLate = table.Column<bool>(type: "boolean", nullable: false),
                    ReturnNote = table.Column<string>(type: "text", nullable: true),
                    Result = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ResultReasons = table.Column<string>(type: "text", nullable: true),
                    ResultOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ResultBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Imported = table.Column<bool>(type: "boolean", nullable: false),
                    Rectification = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RectificationRequirements = table.Column<string>(type: "text", nullable: true),
                    RectificationDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RectificationReport = table.Column<string>(type: "text", nullable: true),
                    RectificationSubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RectificationVerifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RectificationVerifiedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections_Reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inspections_Reports_Inspections_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Inspections_Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Inspections_ReportDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections_ReportDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inspections_ReportDocuments_Inspections_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Inspections_Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_Campaigns_Year",
                table: "Inspections_Campaigns",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_CreditListEntries_List_ExitedOn_EnteredOn",
                table: "Inspections_CreditListEntries",
                columns: new[] { "List", "ExitedOn", "EnteredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_CreditListEntries_OrganizationId_Cause_Year",
                table: "Inspections_CreditListEntries",
                columns: new[] { "OrganizationId", "Cause", "Year" },
                unique: true,
                filter: "\"Automatic\" = TRUE AND \"Year\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_CreditListEntries_OrganizationId_ExitedOn",
                table: "Inspections_CreditListEntries",
                columns: new[] { "OrganizationId", "ExitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_ReportDocuments_FileId",
                table: "Inspections_ReportDocuments",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_ReportDocuments_ReportId_ItemCode",
                table: "Inspections_ReportDocuments",
                columns: new[] { "ReportId", "ItemCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_Reports_CampaignId_State",
                table: "Inspections_Reports",
                columns: new[] { "CampaignId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_Reports_OrganizationId",
                table: "Inspections_Reports",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_Reports_Year_OrganizationId",
                table: "Inspections_Reports",
                columns: new[] { "Year", "OrganizationId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Inspections_CreditListEntries");

            migrationBuilder.DropTable(
                name: "Inspections_ReportDocuments");

            migrationBuilder.DropTable(
                name: "Inspections_Reports");

            migrationBuilder.DropTable(
                name: "Inspections_Campaigns");

            migrationBuilder.DropColumn(
                name: "Standing",
                table: "Organizations_Organizations");
        }
    }
}
