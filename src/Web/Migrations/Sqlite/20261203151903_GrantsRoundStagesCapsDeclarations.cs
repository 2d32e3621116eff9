using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GrantsRoundStagesCapsDeclarations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "MaxAdministrativeShareBasisPoints",
                table: "Grants_Rounds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxPersonnelShareBasisPoints",
                table: "Grants_Rounds",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NoMajorViolation",
                table: "Grants_Applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "GranteeGoneOn",
                table: "Grants_Agreements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Grants_RoundStageEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_RoundStageEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_RoundStageEvents_Grants_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Grants_Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_RoundStageEvents_RoundId",
                table: "Grants_RoundStageEvents",
                column: "RoundId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Grants_RoundStageEvents");

            migrationBuilder.DropColumn(
                name: "MaxAdministrativeShareBasisPoints",
                table: "Grants_Rounds");

            migrationBuilder.DropColumn(
                name: "MaxPersonnelShareBasisPoints",
                table: "Grants_Rounds");

            migrationBuilder.DropColumn(
                name: "NoMajorViolation",
                table: "Grants_Applications");

            migrationBuilder.DropColumn(
                name: "GranteeGoneOn",
                table: "Grants_Agreements");
        }
    }
}
