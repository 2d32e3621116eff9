using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScoringRemindersAndMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ScoringDueOn",
                table: "Grants_Rounds",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Grants_ApplicationMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FromApplicant = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_ApplicationMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_ApplicationMessages_Grants_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Grants_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Grants_ScoringReminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_ScoringReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_ScoringReminders_Grants_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Grants_Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ApplicationMessages_ApplicationId",
                table: "Grants_ApplicationMessages",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ApplicationMessages_FileId",
                table: "Grants_ApplicationMessages",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ScoringReminders_RoundId_ReviewerUserId",
                table: "Grants_ScoringReminders",
                columns: new[] { "RoundId", "ReviewerUserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Grants_ApplicationMessages");

            migrationBuilder.DropTable(
                name: "Grants_ScoringReminders");

            migrationBuilder.DropColumn(
                name: "ScoringDueOn",
                table: "Grants_Rounds");
        }
    }
}
