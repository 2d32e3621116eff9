using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DisclosureInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Disclosure_Requests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ApplicantKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OrganizationKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IdType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Representative = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ContactPerson = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PostalCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PreferredForm = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Delivery = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AnswerType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    AnswerReason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    AnswerText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    AnswerReference = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    WarnedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disclosure_Requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Disclosure_RequestAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disclosure_RequestAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Disclosure_RequestAttachments_Disclosure_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Disclosure_Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Disclosure_RequestEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: true),
                    Party = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disclosure_RequestEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Disclosure_RequestEvents_Disclosure_Requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "Disclosure_Requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosure_RequestAttachments_FileId",
                table: "Disclosure_RequestAttachments",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosure_RequestAttachments_RequestId",
                table: "Disclosure_RequestAttachments",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosure_RequestEvents_RequestId",
                table: "Disclosure_RequestEvents",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Disclosure_Requests_ReceiptNumber",
                table: "Disclosure_Requests",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Disclosure_Requests_State_ReceivedOn",
                table: "Disclosure_Requests",
                columns: new[] { "State", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosure_Requests_UserId",
                table: "Disclosure_Requests",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Disclosure_RequestAttachments");

            migrationBuilder.DropTable(
                name: "Disclosure_RequestEvents");

            migrationBuilder.DropTable(
                name: "Disclosure_Requests");
        }
    }
}
