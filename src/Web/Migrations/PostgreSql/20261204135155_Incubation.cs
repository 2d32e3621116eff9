using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Registry.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Incubation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Cultivation_IncubationBases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OperatorOrganizationId = table.Column<int>(type: "integer", nullable: true),
                    OperatorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_IncubationBases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cultivation_IncubatedOrganizations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BaseId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    ServiceField = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Mentor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EnteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedExitOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExitedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_IncubatedOrganizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cultivation_IncubatedOrganizations_Cultivation_IncubationBa~",
                        column: x => x.BaseId,
                        principalTable: "Cultivation_IncubationBases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Cultivation_IncubationServices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncubatedOrganizationId = table.Column<int>(type: "integer", nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_IncubationServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cultivation_IncubationServices_Cultivation_IncubatedOrganiz~",
                        column: x => x.IncubatedOrganizationId,
                        principalTable: "Cultivation_IncubatedOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_IncubatedOrganizations_BaseId",
                table: "Cultivation_IncubatedOrganizations",
                column: "BaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_IncubatedOrganizations_Name",
                table: "Cultivation_IncubatedOrganizations",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_IncubatedOrganizations_State_ExitedOn",
                table: "Cultivation_IncubatedOrganizations",
                columns: new[] { "State", "ExitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_IncubationBases_Name",
                table: "Cultivation_IncubationBases",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_IncubationServices_IncubatedOrganizationId",
                table: "Cultivation_IncubationServices",
                column: "IncubatedOrganizationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Cultivation_IncubationServices");

            migrationBuilder.DropTable(
                name: "Cultivation_IncubatedOrganizations");

            migrationBuilder.DropTable(
                name: "Cultivation_IncubationBases");
        }
    }
}
