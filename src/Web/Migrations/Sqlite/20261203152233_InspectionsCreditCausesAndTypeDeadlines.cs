using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InspectionsCreditCausesAndTypeDeadlines : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The exit due date is derived from the verification day when read (第十三条), never stored.
            migrationBuilder.DropColumn(
                name: "ExitDueOn",
                table: "Inspections_CreditListEntries");

            migrationBuilder.AddColumn<DateOnly>(
                name: "FulfilmentVerifiedOn",
                table: "Inspections_CreditListEntries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TypeCode",
                table: "Inspections_Reports",
                type: "TEXT",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TypeDeadlinesJson",
                table: "Inspections_Campaigns",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "{}");

            // One current revoked-registration entry per organization, whichever node reads the register's feed first.
            migrationBuilder.CreateIndex(
                name: "IX_Inspections_CreditListEntries_OrganizationId_Cause",
                table: "Inspections_CreditListEntries",
                columns: new[] { "OrganizationId", "Cause" },
                unique: true,
                filter: "\"Cause\" = 'RegistrationRevoked' AND \"ExitedOn\" IS NULL");

            // 第十四条(二) (撤销变更登记) was stored as RegistrationRevoked, which now means 第十四条(七) (吊销/撤销成立登记).
            migrationBuilder.Sql("UPDATE \"Inspections_CreditListEntries\" SET \"Cause\" = 'ChangeRegistrationRevoked' WHERE \"Cause\" = 'RegistrationRevoked';");

            // Reports keep their organization's type (deadline and audit report depend on it); the register knew it when they were created.
            migrationBuilder.Sql("UPDATE \"Inspections_Reports\" SET \"TypeCode\" = COALESCE((SELECT o.\"Type\" FROM \"Organizations_Organizations\" o WHERE o.\"Id\" = \"Inspections_Reports\".\"OrganizationId\"), '');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Inspections_CreditListEntries_OrganizationId_Cause",
                table: "Inspections_CreditListEntries");

            migrationBuilder.DropColumn(
                name: "TypeCode",
                table: "Inspections_Reports");

            migrationBuilder.DropColumn(
                name: "TypeDeadlinesJson",
                table: "Inspections_Campaigns");

            migrationBuilder.DropColumn(
                name: "FulfilmentVerifiedOn",
                table: "Inspections_CreditListEntries");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ExitDueOn",
                table: "Inspections_CreditListEntries",
                type: "TEXT",
                nullable: true);
        }
    }
}
