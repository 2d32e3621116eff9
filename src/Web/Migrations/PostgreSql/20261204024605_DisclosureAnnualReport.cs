using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Registry.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DisclosureAnnualReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Disclosure_AnnualReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Overview = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Problems = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    OtherMatters = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Penalties = table.Column<int>(type: "integer", nullable: false),
                    Enforcements = table.Column<int>(type: "integer", nullable: false),
                    FeesFen = table.Column<long>(type: "bigint", nullable: false),
                    ReviewUpheld = table.Column<int>(type: "integer", nullable: false),
                    ReviewCorrected = table.Column<int>(type: "integer", nullable: false),
                    ReviewOther = table.Column<int>(type: "integer", nullable: false),
                    ReviewPending = table.Column<int>(type: "integer", nullable: false),
                    SuitUpheld = table.Column<int>(type: "integer", nullable: false),
                    SuitCorrected = table.Column<int>(type: "integer", nullable: false),
                    SuitOther = table.Column<int>(type: "integer", nullable: false),
                    SuitPending = table.Column<int>(type: "integer", nullable: false),
                    SuitAfterReviewUpheld = table.Column<int>(type: "integer", nullable: false),
                    SuitAfterReviewCorrected = table.Column<int>(type: "integer", nullable: false),
                    SuitAfterReviewOther = table.Column<int>(type: "integer", nullable: false),
                    SuitAfterReviewPending = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    IndexNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    SnapshotJson = table.Column<string>(type: "text", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disclosure_AnnualReports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Disclosure_AnnualReports_Year",
                table: "Disclosure_AnnualReports",
                column: "Year",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Disclosure_AnnualReports");
        }
    }
}
