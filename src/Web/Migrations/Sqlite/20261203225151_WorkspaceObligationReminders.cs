using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkspaceObligationReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Organizations_ObligationReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ObligationKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Threshold = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WorkingDaysLeft = table.Column<int>(type: "INTEGER", nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_ObligationReminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_WorkspaceFeeds",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_WorkspaceFeeds", x => x.OrganizationId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_ObligationReminders_OrganizationId_ObligationKey_Threshold",
                table: "Organizations_ObligationReminders",
                columns: new[] { "OrganizationId", "ObligationKey", "Threshold" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_WorkspaceFeeds_Token",
                table: "Organizations_WorkspaceFeeds",
                column: "Token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Organizations_ObligationReminders");

            migrationBuilder.DropTable(
                name: "Organizations_WorkspaceFeeds");
        }
    }
}
