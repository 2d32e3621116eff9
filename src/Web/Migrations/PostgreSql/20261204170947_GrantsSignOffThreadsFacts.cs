using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class GrantsSignOffThreadsFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FactsJson",
                table: "Grants_Applications",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "AgreementId",
                table: "Grants_ApplicationMessages",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ApplicationMessages_AgreementId",
                table: "Grants_ApplicationMessages",
                column: "AgreementId");

            migrationBuilder.AddForeignKey(
                name: "FK_Grants_ApplicationMessages_Grants_Agreements_AgreementId",
                table: "Grants_ApplicationMessages",
                column: "AgreementId",
                principalTable: "Grants_Agreements",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Grants_ApplicationMessages_Grants_Agreements_AgreementId",
                table: "Grants_ApplicationMessages");

            migrationBuilder.DropIndex(
                name: "IX_Grants_ApplicationMessages_AgreementId",
                table: "Grants_ApplicationMessages");

            migrationBuilder.DropColumn(
                name: "FactsJson",
                table: "Grants_Applications");

            migrationBuilder.DropColumn(
                name: "AgreementId",
                table: "Grants_ApplicationMessages");
        }
    }
}
