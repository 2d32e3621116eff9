using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoverInspectionFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Inspections_Reports_CampaignId_State",
                table: "Inspections_Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_Reports_CampaignId_State_Result_Rectification_SubmittedLate",
                table: "Inspections_Reports",
                columns: new[] { "CampaignId", "State", "Result", "Rectification", "SubmittedLate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Inspections_Reports_CampaignId_State_Result_Rectification_SubmittedLate",
                table: "Inspections_Reports");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_Reports_CampaignId_State",
                table: "Inspections_Reports",
                columns: new[] { "CampaignId", "State" });
        }
    }
}
