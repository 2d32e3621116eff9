using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Registry.Web.Migrations.PostgreSql
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    ObligationKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Threshold = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    WorkingDaysLeft = table.Column<int>(type: "integer", nullable: false),
                    Recipients = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_ObligationReminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_WorkspaceFeeds",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_WorkspaceFeeds", x => x.OrganizationId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_ObligationReminders_OrganizationId_Obligation~",
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
