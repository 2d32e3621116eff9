using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class GrantsProgressDueInputs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "DueOn",
                table: "Grants_ProgressReports",
                newName: "DueFrom");

            migrationBuilder.RenameIndex(
                name: "IX_Grants_ProgressReports_State_DueOn",
                table: "Grants_ProgressReports",
                newName: "IX_Grants_ProgressReports_State_DueFrom");

            migrationBuilder.AddColumn<int>(
                name: "DueWorkingDays",
                table: "Grants_ProgressReports",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Final reports stored a computed due date: store its inputs instead (the project's last day and the default
            // 15 working days of Registry:Grants:Progress:FinalDueWorkingDays); the date is derived when read.
            migrationBuilder.Sql(
                "UPDATE \"Grants_ProgressReports\" SET \"DueWorkingDays\" = 15, \"DueFrom\" = " +
                "(SELECT a.\"EndOn\" FROM \"Grants_Agreements\" a WHERE a.\"Id\" = \"Grants_ProgressReports\".\"AgreementId\") WHERE \"Kind\" = 'Final'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DueWorkingDays",
                table: "Grants_ProgressReports");

            migrationBuilder.RenameColumn(
                name: "DueFrom",
                table: "Grants_ProgressReports",
                newName: "DueOn");

            migrationBuilder.RenameIndex(
                name: "IX_Grants_ProgressReports_State_DueFrom",
                table: "Grants_ProgressReports",
                newName: "IX_Grants_ProgressReports_State_DueOn");
        }
    }
}
