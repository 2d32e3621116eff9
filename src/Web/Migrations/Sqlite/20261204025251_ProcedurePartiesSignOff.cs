using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProcedurePartiesSignOff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "SupervisingUnitId",
                table: "Organizations_Organizations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnerName",
                table: "Organizations_Applications",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnerUserId",
                table: "Organizations_Applications",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreReviewOpinion",
                table: "Organizations_Applications",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreReviewParty",
                table: "Organizations_Applications",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.AddColumn<string>(
                name: "PreReviewStreet",
                table: "Organizations_Applications",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PreReviewUnitId",
                table: "Organizations_Applications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PreReviewedAt",
                table: "Organizations_Applications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreReviewedBy",
                table: "Organizations_Applications",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Core_SignOffEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubjectType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Superseded = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_SignOffEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_StreetOfficeAccounts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Street = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_StreetOfficeAccounts", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_SupervisingUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_SupervisingUnits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_SupervisingUnitAccounts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SupervisingUnitId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_SupervisingUnitAccounts", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_Organizations_SupervisingUnitAccounts_Organizations_SupervisingUnits_SupervisingUnitId",
                        column: x => x.SupervisingUnitId,
                        principalTable: "Organizations_SupervisingUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Organizations_SupervisingUnitId",
                table: "Organizations_Organizations",
                column: "SupervisingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Applications_OwnerUserId",
                table: "Organizations_Applications",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Applications_State_PreReviewStreet",
                table: "Organizations_Applications",
                columns: new[] { "State", "PreReviewStreet" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Applications_State_PreReviewUnitId",
                table: "Organizations_Applications",
                columns: new[] { "State", "PreReviewUnitId" });

            migrationBuilder.CreateIndex(
                name: "IX_Core_SignOffEntries_SubjectType_SubjectId",
                table: "Core_SignOffEntries",
                columns: new[] { "SubjectType", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_StreetOfficeAccounts_Street",
                table: "Organizations_StreetOfficeAccounts",
                column: "Street");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_SupervisingUnitAccounts_SupervisingUnitId",
                table: "Organizations_SupervisingUnitAccounts",
                column: "SupervisingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_SupervisingUnits_Name",
                table: "Organizations_SupervisingUnits",
                column: "Name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Organizations_Organizations_Organizations_SupervisingUnits_SupervisingUnitId",
                table: "Organizations_Organizations",
                column: "SupervisingUnitId",
                principalTable: "Organizations_SupervisingUnits",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Organizations_Organizations_Organizations_SupervisingUnits_SupervisingUnitId",
                table: "Organizations_Organizations");

            migrationBuilder.DropTable(
                name: "Core_SignOffEntries");

            migrationBuilder.DropTable(
                name: "Organizations_StreetOfficeAccounts");

            migrationBuilder.DropTable(
                name: "Organizations_SupervisingUnitAccounts");

            migrationBuilder.DropTable(
                name: "Organizations_SupervisingUnits");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_Organizations_SupervisingUnitId",
                table: "Organizations_Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_Applications_OwnerUserId",
                table: "Organizations_Applications");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_Applications_State_PreReviewStreet",
                table: "Organizations_Applications");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_Applications_State_PreReviewUnitId",
                table: "Organizations_Applications");

            migrationBuilder.DropColumn(
                name: "SupervisingUnitId",
                table: "Organizations_Organizations");

            migrationBuilder.DropColumn(
                name: "OwnerName",
                table: "Organizations_Applications");

            migrationBuilder.DropColumn(
                name: "OwnerUserId",
                table: "Organizations_Applications");

            migrationBuilder.DropColumn(
                name: "PreReviewOpinion",
                table: "Organizations_Applications");

            migrationBuilder.DropColumn(
                name: "PreReviewParty",
                table: "Organizations_Applications");

            migrationBuilder.DropColumn(
                name: "PreReviewStreet",
                table: "Organizations_Applications");

            migrationBuilder.DropColumn(
                name: "PreReviewUnitId",
                table: "Organizations_Applications");

            migrationBuilder.DropColumn(
                name: "PreReviewedAt",
                table: "Organizations_Applications");

            migrationBuilder.DropColumn(
                name: "PreReviewedBy",
                table: "Organizations_Applications");
        }
    }
}
