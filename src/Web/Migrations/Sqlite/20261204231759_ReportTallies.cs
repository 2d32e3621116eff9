using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Inspections_ReportTallies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Rectification = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedLate = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reports = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections_ReportTallies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inspections_ReportTallies_Inspections_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Inspections_Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Inspections_SectorTallies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Street = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Reports = table.Column<int>(type: "INTEGER", nullable: false),
                    FullTimeStaff = table.Column<long>(type: "INTEGER", nullable: false),
                    PartTimeStaff = table.Column<long>(type: "INTEGER", nullable: false),
                    Volunteers = table.Column<long>(type: "INTEGER", nullable: false),
                    IndividualMembers = table.Column<long>(type: "INTEGER", nullable: false),
                    UnitMembers = table.Column<long>(type: "INTEGER", nullable: false),
                    IncomeGovernmentFen = table.Column<long>(type: "INTEGER", nullable: false),
                    IncomeDonationsFen = table.Column<long>(type: "INTEGER", nullable: false),
                    IncomeServicesFen = table.Column<long>(type: "INTEGER", nullable: false),
                    IncomeMembershipFen = table.Column<long>(type: "INTEGER", nullable: false),
                    IncomeOtherFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpenseProgrammeFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpenseStaffFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpenseAdministrativeFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpenseOtherFen = table.Column<long>(type: "INTEGER", nullable: false),
                    NetAssetsFen = table.Column<long>(type: "INTEGER", nullable: false),
                    PartyRequired = table.Column<int>(type: "INTEGER", nullable: false),
                    PartyCovered = table.Column<int>(type: "INTEGER", nullable: false),
                    PartyWorkCovered = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections_SectorTallies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_ReportTallies_CampaignId_State_Result_Rectification_SubmittedLate",
                table: "Inspections_ReportTallies",
                columns: new[] { "CampaignId", "State", "Result", "Rectification", "SubmittedLate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_SectorTallies_Year_TypeCode_Street",
                table: "Inspections_SectorTallies",
                columns: new[] { "Year", "TypeCode", "Street" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Inspections_ReportTallies");

            migrationBuilder.DropTable(
                name: "Inspections_SectorTallies");
        }
    }
}
