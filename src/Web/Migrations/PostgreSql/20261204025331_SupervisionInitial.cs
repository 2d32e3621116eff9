using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Registry.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SupervisionInitial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Supervision_Cases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceId = table.Column<int>(type: "integer", nullable: true),
                    Cause = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LegalBasis = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Facts = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    State = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ProposedWarning = table.Column<bool>(type: "boolean", nullable: false),
                    ProposedFineFen = table.Column<long>(type: "bigint", nullable: false),
                    ProposedConfiscatedIncomeFen = table.Column<long>(type: "bigint", nullable: false),
                    ProposedConfiscatedProperty = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ProposedConfiscatedPropertyFen = table.Column<long>(type: "bigint", nullable: false),
                    ProposedSuspensionMonths = table.Column<int>(type: "integer", nullable: false),
                    ProposedRevokeRegistration = table.Column<bool>(type: "boolean", nullable: false),
                    DecidedWarning = table.Column<bool>(type: "boolean", nullable: false),
                    DecidedFineFen = table.Column<long>(type: "bigint", nullable: false),
                    DecidedConfiscatedIncomeFen = table.Column<long>(type: "bigint", nullable: false),
                    DecidedConfiscatedProperty = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DecidedConfiscatedPropertyFen = table.Column<long>(type: "bigint", nullable: false),
                    DecidedSuspensionMonths = table.Column<int>(type: "integer", nullable: false),
                    DecidedRevokeRegistration = table.Column<bool>(type: "boolean", nullable: false),
                    HearingWaived = table.Column<bool>(type: "boolean", nullable: false),
                    DecisionNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecisionReasoning = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Officer = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supervision_Cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Supervision_Complaints",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReceiptNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SecretHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Cause = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Content = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AssignedTo = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    TriagedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Reply = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RepliedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CaseId = table.Column<int>(type: "integer", nullable: true),
                    CheckId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supervision_Complaints", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Supervision_Plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Quarter = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Types = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Streets = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    MinGrade = table.Column<int>(type: "integer", nullable: true),
                    Standing = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SharePercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    DrawCount = table.Column<int>(type: "integer", nullable: true),
                    Strata = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    InspectorsPerCheck = table.Column<int>(type: "integer", nullable: false),
                    Items = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SeedCommitment = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Seed = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PopulationHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CommittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DrawnAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supervision_Plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Supervision_CaseEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supervision_CaseEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Supervision_CaseEvents_Supervision_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Supervision_Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Supervision_ComplaintAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComplaintId = table.Column<int>(type: "integer", nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supervision_ComplaintAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Supervision_ComplaintAttachments_Supervision_Complaints_Com~",
                        column: x => x.ComplaintId,
                        principalTable: "Supervision_Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Supervision_Checks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Stratum = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    RankKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InspectorKeys = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExcludedKeys = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ItemsChecked = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Findings = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Result = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ResultOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CaseId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supervision_Checks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Supervision_Checks_Supervision_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Supervision_Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Supervision_PlanInspectors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    Key = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    External = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supervision_PlanInspectors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Supervision_PlanInspectors_Supervision_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Supervision_Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Supervision_PlanPopulation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Stratum = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Supervision_PlanPopulation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Supervision_PlanPopulation_Supervision_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Supervision_Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Supervision_CaseEvents_CaseId",
                table: "Supervision_CaseEvents",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Supervision_Cases_CaseNumber",
                table: "Supervision_Cases",
                column: "CaseNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Supervision_Cases_DecisionNumber",
                table: "Supervision_Cases",
                column: "DecisionNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Supervision_Cases_OrganizationId_DecidedOn",
                table: "Supervision_Cases",
                columns: new[] { "OrganizationId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Supervision_Cases_State_FiledOn",
                table: "Supervision_Cases",
                columns: new[] { "State", "FiledOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Supervision_Checks_PlanId",
                table: "Supervision_Checks",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Supervision_ComplaintAttachments_ComplaintId",
                table: "Supervision_ComplaintAttachments",
                column: "ComplaintId");

            migrationBuilder.CreateIndex(
                name: "IX_Supervision_ComplaintAttachments_FileId",
                table: "Supervision_ComplaintAttachments",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Supervision_Complaints_ReceiptNumber",
                table: "Supervision_Complaints",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Supervision_Complaints_UserId",
                table: "Supervision_Complaints",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Supervision_PlanInspectors_PlanId",
                table: "Supervision_PlanInspectors",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Supervision_PlanPopulation_PlanId",
                table: "Supervision_PlanPopulation",
                column: "PlanId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Supervision_CaseEvents");

            migrationBuilder.DropTable(
                name: "Supervision_Checks");

            migrationBuilder.DropTable(
                name: "Supervision_ComplaintAttachments");

            migrationBuilder.DropTable(
                name: "Supervision_PlanInspectors");

            migrationBuilder.DropTable(
                name: "Supervision_PlanPopulation");

            migrationBuilder.DropTable(
                name: "Supervision_Cases");

            migrationBuilder.DropTable(
                name: "Supervision_Complaints");

            migrationBuilder.DropTable(
                name: "Supervision_Plans");
        }
    }
}
