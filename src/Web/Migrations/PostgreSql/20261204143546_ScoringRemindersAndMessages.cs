using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Registry.Web.Migrations.PostgreSql
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
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Grants_ApplicationMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    FromApplicant = table.Column<bool>(type: "boolean", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: true),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    ReviewerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: false)
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
