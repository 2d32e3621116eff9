using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.Sqlite
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Overview = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Problems = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    OtherMatters = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Penalties = table.Column<int>(type: "INTEGER", nullable: false),
                    Enforcements = table.Column<int>(type: "INTEGER", nullable: false),
                    FeesFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ReviewUpheld = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewCorrected = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewOther = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewPending = table.Column<int>(type: "INTEGER", nullable: false),
                    SuitUpheld = table.Column<int>(type: "INTEGER", nullable: false),
                    SuitCorrected = table.Column<int>(type: "INTEGER", nullable: false),
                    SuitOther = table.Column<int>(type: "INTEGER", nullable: false),
                    SuitPending = table.Column<int>(type: "INTEGER", nullable: false),
                    SuitAfterReviewUpheld = table.Column<int>(type: "INTEGER", nullable: false),
                    SuitAfterReviewCorrected = table.Column<int>(type: "INTEGER", nullable: false),
                    SuitAfterReviewOther = table.Column<int>(type: "INTEGER", nullable: false),
                    SuitAfterReviewPending = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    IndexNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    SnapshotJson = table.Column<string>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
