using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Registry.Web.Migrations.PostgreSql
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MaxPersonnelShareBasisPoints",
                table: "Grants_Rounds",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NoMajorViolation",
                table: "Grants_Applications",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateOnly>(
                name: "GranteeGoneOn",
                table: "Grants_Agreements",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Grants_RoundStageEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    From = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
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
