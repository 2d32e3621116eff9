using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddOrganizations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Core_Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Core_Sequences",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_Sequences", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_Applications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApplicantUserId = table.Column<string>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    NameApplicationId = table.Column<int>(type: "INTEGER", nullable: true),
                    FormJson = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_Applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_Claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Statement = table.Column<string>(type: "TEXT", nullable: false),
                    EvidenceFileId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_Claims", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_Invitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", nullable: false),
                    Token = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InvitedBy = table.Column<string>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_Invitations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_Members",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    IsOrgAdmin = table.Column<bool>(type: "INTEGER", nullable: false),
                    Since = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_Members", x => new { x.OrganizationId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "Organizations_NameReservations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReservedUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UsedByOrganizationId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_NameReservations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_Organizations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnglishName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    FilingNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    RegisteringAuthority = table.Column<string>(type: "TEXT", nullable: false),
                    SupervisingUnit = table.Column<string>(type: "TEXT", nullable: true),
                    LegalRepresentative = table.Column<string>(type: "TEXT", nullable: false),
                    District = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Street = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Community = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Address = table.Column<string>(type: "TEXT", nullable: false),
                    ServiceFields = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BusinessScope = table.Column<string>(type: "TEXT", nullable: false),
                    ActivityFundsFen = table.Column<long>(type: "INTEGER", nullable: false),
                    IndividualMembers = table.Column<int>(type: "INTEGER", nullable: false),
                    UnitMembers = table.Column<int>(type: "INTEGER", nullable: false),
                    FoundedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StatusChangedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HubOrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsHub = table.Column<bool>(type: "INTEGER", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_Organizations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_Revisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_Revisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_ApplicationEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_ApplicationEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organizations_ApplicationEvents_Organizations_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Organizations_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_Corrections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", nullable: false),
                    Deficiencies = table.Column<string>(type: "TEXT", nullable: false),
                    ResubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_Corrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organizations_Corrections_Organizations_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Organizations_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_Documents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_Documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organizations_Documents_Organizations_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Organizations_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Core_Notifications_UserId_CreatedAt",
                table: "Core_Notifications",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_ApplicationEvents_ApplicationId",
                table: "Organizations_ApplicationEvents",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Applications_ApplicantUserId",
                table: "Organizations_Applications",
                column: "ApplicantUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Applications_ReceiptNumber",
                table: "Organizations_Applications",
                column: "ReceiptNumber",
                unique: true,
                filter: "\"ReceiptNumber\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Applications_State_Kind",
                table: "Organizations_Applications",
                columns: new[] { "State", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Corrections_ApplicationId",
                table: "Organizations_Corrections",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Documents_ApplicationId",
                table: "Organizations_Documents",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Documents_FileId",
                table: "Organizations_Documents",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Invitations_Token",
                table: "Organizations_Invitations",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Members_UserId",
                table: "Organizations_Members",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_NameReservations_NormalizedName",
                table: "Organizations_NameReservations",
                column: "NormalizedName");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Organizations_CreditCode",
                table: "Organizations_Organizations",
                column: "CreditCode",
                unique: true,
                filter: "\"CreditCode\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Organizations_FilingNumber",
                table: "Organizations_Organizations",
                column: "FilingNumber",
                unique: true,
                filter: "\"FilingNumber\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Organizations_NormalizedName",
                table: "Organizations_Organizations",
                column: "NormalizedName");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Organizations_Type_Status",
                table: "Organizations_Organizations",
                columns: new[] { "Type", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Revisions_OrganizationId_Number",
                table: "Organizations_Revisions",
                columns: new[] { "OrganizationId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Core_Notifications");

            migrationBuilder.DropTable(
                name: "Core_Sequences");

            migrationBuilder.DropTable(
                name: "Organizations_ApplicationEvents");

            migrationBuilder.DropTable(
                name: "Organizations_Claims");

            migrationBuilder.DropTable(
                name: "Organizations_Corrections");

            migrationBuilder.DropTable(
                name: "Organizations_Documents");

            migrationBuilder.DropTable(
                name: "Organizations_Invitations");

            migrationBuilder.DropTable(
                name: "Organizations_Members");

            migrationBuilder.DropTable(
                name: "Organizations_NameReservations");

            migrationBuilder.DropTable(
                name: "Organizations_Organizations");

            migrationBuilder.DropTable(
                name: "Organizations_Revisions");

            migrationBuilder.DropTable(
                name: "Organizations_Applications");
        }
    }
}
