using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Registry.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CultivationHubs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Cultivation_HubBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DecisionNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    NoticeId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_HubBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cultivation_HubReminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HubId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SentBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_HubReminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cultivation_Hubs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BatchId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Field = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Street = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    RecognizedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_Hubs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cultivation_Hubs_Cultivation_HubBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "Cultivation_HubBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Cultivation_HubMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HubId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Field = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_HubMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cultivation_HubMembers_Cultivation_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Cultivation_Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_HubBatches_Number",
                table: "Cultivation_HubBatches",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_HubMembers_HubId",
                table: "Cultivation_HubMembers",
                column: "HubId");

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_HubMembers_OrganizationId_Field",
                table: "Cultivation_HubMembers",
                columns: new[] { "OrganizationId", "Field" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_HubReminders_HubId_OrganizationId_SentAt",
                table: "Cultivation_HubReminders",
                columns: new[] { "HubId", "OrganizationId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_Hubs_BatchId",
                table: "Cultivation_Hubs",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_Hubs_OrganizationId_Field",
                table: "Cultivation_Hubs",
                columns: new[] { "OrganizationId", "Field" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Cultivation_HubMembers");

            migrationBuilder.DropTable(
                name: "Cultivation_HubReminders");

            migrationBuilder.DropTable(
                name: "Cultivation_Hubs");

            migrationBuilder.DropTable(
                name: "Cultivation_HubBatches");
        }
    }
}
