using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Registry.Web.Migrations.PostgreSql
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReceiptNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ApplicantKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrganizationKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IdType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Representative = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ContactPerson = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Phone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PostalCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PreferredForm = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Delivery = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    AnswerType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    AnswerReason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    AnswerText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AnswerReference = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    WarnedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disclosure_Requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Disclosure_RequestAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: true),
                    Party = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
