using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Registry.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class GrantAgreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organizations_Applications_State_DecidedAt",
                table: "Organizations_Applications");

            migrationBuilder.AlterColumn<long>(
                name: "Sequence",
                table: "Core_AuditEntries",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AlterColumn<string>(
                name: "PreviousHash",
                table: "Core_AuditEntries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.AlterColumn<string>(
                name: "Hash",
                table: "Core_AuditEntries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64);

            migrationBuilder.CreateTable(
                name: "Grants_Agreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    AgreedFen = table.Column<long>(type: "bigint", nullable: false),
                    MatchingFen = table.Column<long>(type: "bigint", nullable: false),
                    StartOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RevisionRequest = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PlanJson = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SignedFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    SignedFileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_Agreements_Grants_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Grants_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Grants_EvaluationRubrics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    CriteriaJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_EvaluationRubrics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_EvaluationRubrics_Grants_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Grants_Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Grants_ProgressReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Narrative = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    BeneficiariesReached = table.Column<int>(type: "integer", nullable: true),
                    IndicatorsJson = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    BudgetJson = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReturnReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReminderSentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OverdueSentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Conditions = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FailReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RefundFen = table.Column<long>(type: "bigint", nullable: true),
                    EvaluatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EvaluatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_ProgressReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_ProgressReports_Grants_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Grants_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Grants_AgreementRevisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PlanJson = table.Column<string>(type: "character varying(40000)", maxLength: 40000, nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_AgreementRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_AgreementRevisions_Grants_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Grants_Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Grants_Refunds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    RequiredFen = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RequiredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RequiredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_Refunds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_Refunds_Grants_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Grants_Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Grants_Tranches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: false),
                    DueFen = table.Column<long>(type: "bigint", nullable: false),
                    Condition = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_Tranches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_Tranches_Grants_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Grants_Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Grants_EvaluationSeats",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    EvaluatorUserId = table.Column<string>(type: "text", nullable: false),
                    EvaluatorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeclaredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Recused = table.Column<bool>(type: "boolean", nullable: false),
                    RecusalReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ScoresJson = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_EvaluationSeats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_EvaluationSeats_Grants_ProgressReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Grants_ProgressReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Grants_ProgressEvidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Caption = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_ProgressEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_ProgressEvidence_Grants_ProgressReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Grants_ProgressReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Grants_Repayments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RefundId = table.Column<int>(type: "integer", nullable: false),
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    RepaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_Repayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_Repayments_Grants_Refunds_RefundId",
                        column: x => x.RefundId,
                        principalTable: "Grants_Refunds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Grants_Payments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrancheId = table.Column<int>(type: "integer", nullable: false),
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_Payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_Payments_Grants_Tranches_TrancheId",
                        column: x => x.TrancheId,
                        principalTable: "Grants_Tranches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Organizations_Type_Status_Street_FoundedOn_St~",
                table: "Organizations_Organizations",
                columns: new[] { "Type", "Status", "Street", "FoundedOn", "StatusChangedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Applications_State_DecidedAt_Kind_Organizatio~",
                table: "Organizations_Applications",
                columns: new[] { "State", "DecidedAt", "Kind", "OrganizationType", "AcceptedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_AgreementRevisions_AgreementId_Number",
                table: "Grants_AgreementRevisions",
                columns: new[] { "AgreementId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Grants_Agreements_ApplicationId",
                table: "Grants_Agreements",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Grants_Agreements_OrganizationId",
                table: "Grants_Agreements",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_Agreements_RoundId_State",
                table: "Grants_Agreements",
                columns: new[] { "RoundId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_EvaluationRubrics_RoundId",
                table: "Grants_EvaluationRubrics",
                column: "RoundId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Grants_EvaluationSeats_EvaluatorUserId",
                table: "Grants_EvaluationSeats",
                column: "EvaluatorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_EvaluationSeats_ReportId_EvaluatorUserId",
                table: "Grants_EvaluationSeats",
                columns: new[] { "ReportId", "EvaluatorUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Grants_Payments_AgreementId_AmountFen",
                table: "Grants_Payments",
                columns: new[] { "AgreementId", "AmountFen" });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_Payments_TrancheId",
                table: "Grants_Payments",
                column: "TrancheId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ProgressEvidence_FileId",
                table: "Grants_ProgressEvidence",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ProgressEvidence_ReportId",
                table: "Grants_ProgressEvidence",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ProgressReports_AgreementId_Kind",
                table: "Grants_ProgressReports",
                columns: new[] { "AgreementId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ProgressReports_ApplicationId",
                table: "Grants_ProgressReports",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ProgressReports_OrganizationId",
                table: "Grants_ProgressReports",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ProgressReports_State_DueOn",
                table: "Grants_ProgressReports",
                columns: new[] { "State", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_Refunds_AgreementId",
                table: "Grants_Refunds",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_Repayments_AgreementId_AmountFen",
                table: "Grants_Repayments",
                columns: new[] { "AgreementId", "AmountFen" });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_Repayments_RefundId",
                table: "Grants_Repayments",
                column: "RefundId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_Tranches_AgreementId_Index",
                table: "Grants_Tranches",
                columns: new[] { "AgreementId", "Index" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Grants_AgreementRevisions");

            migrationBuilder.DropTable(
                name: "Grants_EvaluationRubrics");

            migrationBuilder.DropTable(
                name: "Grants_EvaluationSeats");

            migrationBuilder.DropTable(
                name: "Grants_Payments");

            migrationBuilder.DropTable(
                name: "Grants_ProgressEvidence");

            migrationBuilder.DropTable(
                name: "Grants_Repayments");

            migrationBuilder.DropTable(
                name: "Grants_Tranches");

            migrationBuilder.DropTable(
                name: "Grants_ProgressReports");

            migrationBuilder.DropTable(
                name: "Grants_Refunds");

            migrationBuilder.DropTable(
                name: "Grants_Agreements");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_Organizations_Type_Status_Street_FoundedOn_St~",
                table: "Organizations_Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_Applications_State_DecidedAt_Kind_Organizatio~",
                table: "Organizations_Applications");

            migrationBuilder.AlterColumn<long>(
                name: "Sequence",
                table: "Core_AuditEntries",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "PreviousHash",
                table: "Core_AuditEntries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Hash",
                table: "Core_AuditEntries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(64)",
                oldMaxLength: 64,
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Applications_State_DecidedAt",
                table: "Organizations_Applications",
                columns: new[] { "State", "DecidedAt" });
        }
    }
}
