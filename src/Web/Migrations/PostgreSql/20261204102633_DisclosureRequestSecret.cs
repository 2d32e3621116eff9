using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DisclosureRequestSecret : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SecretHash",
                table: "Disclosure_Requests",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SecretHash",
                table: "Disclosure_Requests");
        }
    }
}
