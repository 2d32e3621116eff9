using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Notices_Notices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    BodyMarkdown = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AcceptsObjections = table.Column<bool>(type: "INTEGER", nullable: false),
                    SourceModule = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notices_Notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notices_Attachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notices_Attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notices_Attachments_Notices_Notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "Notices_Notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Notices_Objections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notices_Objections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notices_Objections_Notices_Notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "Notices_Notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Attachments_FileId",
                table: "Notices_Attachments",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Attachments_NoticeId",
                table: "Notices_Attachments",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Notices_SourceModule_SourceKey",
                table: "Notices_Notices",
                columns: new[] { "SourceModule", "SourceKey" },
                unique: true,
                filter: "\"SourceModule\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Notices_Status_PublishedAt",
                table: "Notices_Notices",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Objections_NoticeId_SubmittedAt",
                table: "Notices_Objections",
                columns: new[] { "NoticeId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Objections_ReceiptNumber",
                table: "Notices_Objections",
                column: "ReceiptNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Notices_Attachments");

            migrationBuilder.DropTable(
                name: "Notices_Objections");

            migrationBuilder.DropTable(
                name: "Notices_Notices");
        }
    }
}
