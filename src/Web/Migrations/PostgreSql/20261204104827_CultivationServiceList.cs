using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Registry.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CultivationServiceList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Cultivation_PurchaseContracts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Project = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_PurchaseContracts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cultivation_ServiceListCalls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MinimumGrade = table.Column<int>(type: "integer", nullable: false),
                    RequireQualifiedInspection = table.Column<bool>(type: "boolean", nullable: false),
                    ExcludeCreditListed = table.Column<bool>(type: "boolean", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PublicityStart = table.Column<DateOnly>(type: "date", nullable: true),
                    PublicityEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    PublicityNoticeId = table.Column<int>(type: "integer", nullable: true),
                    AnnouncedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnnouncementNoticeId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_ServiceListCalls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cultivation_ServiceListApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ServiceField = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Services = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_ServiceListApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cultivation_ServiceListApplications_Cultivation_ServiceList~",
                        column: x => x.CallId,
                        principalTable: "Cultivation_ServiceListCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_PurchaseContracts_OrganizationId",
                table: "Cultivation_PurchaseContracts",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_PurchaseContracts_StartsOn",
                table: "Cultivation_PurchaseContracts",
                column: "StartsOn");

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_ServiceListApplications_CallId_OrganizationId_S~",
                table: "Cultivation_ServiceListApplications",
                columns: new[] { "CallId", "OrganizationId", "ServiceField" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_ServiceListApplications_OrganizationId_State",
                table: "Cultivation_ServiceListApplications",
                columns: new[] { "OrganizationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_ServiceListCalls_Year",
                table: "Cultivation_ServiceListCalls",
                column: "Year",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Cultivation_PurchaseContracts");

            migrationBuilder.DropTable(
                name: "Cultivation_ServiceListApplications");

            migrationBuilder.DropTable(
                name: "Cultivation_ServiceListCalls");
        }
    }
}
