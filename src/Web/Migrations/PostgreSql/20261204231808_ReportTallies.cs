using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Registry.Web.Migrations.PostgreSql
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Result = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Rectification = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedLate = table.Column<bool>(type: "boolean", nullable: false),
                    Reports = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Street = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Reports = table.Column<int>(type: "integer", nullable: false),
                    FullTimeStaff = table.Column<long>(type: "bigint", nullable: false),
                    PartTimeStaff = table.Column<long>(type: "bigint", nullable: false),
                    Volunteers = table.Column<long>(type: "bigint", nullable: false),
                    IndividualMembers = table.Column<long>(type: "bigint", nullable: false),
                    UnitMembers = table.Column<long>(type: "bigint", nullable: false),
                    IncomeGovernmentFen = table.Column<long>(type: "bigint", nullable: false),
                    IncomeDonationsFen = table.Column<long>(type: "bigint", nullable: false),
                    IncomeServicesFen = table.Column<long>(type: "bigint", nullable: false),
                    IncomeMembershipFen = table.Column<long>(type: "bigint", nullable: false),
                    IncomeOtherFen = table.Column<long>(type: "bigint", nullable: false),
                    ExpenseProgrammeFen = table.Column<long>(type: "bigint", nullable: false),
                    ExpenseStaffFen = table.Column<long>(type: "bigint", nullable: false),
                    ExpenseAdministrativeFen = table.Column<long>(type: "bigint", nullable: false),
                    ExpenseOtherFen = table.Column<long>(type: "bigint", nullable: false),
                    NetAssetsFen = table.Column<long>(type: "bigint", nullable: false),
                    PartyRequired = table.Column<int>(type: "integer", nullable: false),
                    PartyCovered = table.Column<int>(type: "integer", nullable: false),
                    PartyWorkCovered = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections_SectorTallies", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_ReportTallies_CampaignId_State_Result_Rectifica~",
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
