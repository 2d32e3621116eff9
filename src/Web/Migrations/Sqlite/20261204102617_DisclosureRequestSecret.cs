using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.Sqlite
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
                type: "TEXT",
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
