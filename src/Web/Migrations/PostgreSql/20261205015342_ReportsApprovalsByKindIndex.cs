using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ReportsApprovalsByKindIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organizations_Applications_State_Kind",
                table: "Organizations_Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Applications_State_Kind_OrganizationType_Deci~",
                table: "Organizations_Applications",
                columns: new[] { "State", "Kind", "OrganizationType", "DecidedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organizations_Applications_State_Kind_OrganizationType_Deci~",
                table: "Organizations_Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Applications_State_Kind",
                table: "Organizations_Applications",
                columns: new[] { "State", "Kind" });
        }
    }
}
