using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Department = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Project = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_PurchaseContracts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cultivation_ServiceListCalls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MinimumGrade = table.Column<int>(type: "INTEGER", nullable: false),
                    RequireQualifiedInspection = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExcludeCreditListed = table.Column<bool>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PublicityStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublicityEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PublicityNoticeId = table.Column<int>(type: "INTEGER", nullable: true),
                    AnnouncedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnnouncementNoticeId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_ServiceListCalls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cultivation_ServiceListApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CallId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ServiceField = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Services = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_ServiceListApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cultivation_ServiceListApplications_Cultivation_ServiceListCalls_CallId",
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
                name: "IX_Cultivation_ServiceListApplications_CallId_OrganizationId_ServiceField",
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
