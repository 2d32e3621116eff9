using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class GrantsUntouchedDraftUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Grants_Applications_UntouchedDraft",
                table: "Grants_Applications",
                columns: new[] { "RoundId", "OrganizationId", "ApplicantUserId" },
                unique: true,
                filter: "\"State\" = 'Draft' AND \"Version\" = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Grants_Applications_UntouchedDraft",
                table: "Grants_Applications");
        }
    }
}
