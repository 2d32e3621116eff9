using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UnitReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "Inspections_Reports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnitName",
                table: "Inspections_Reports",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnitOpinion",
                table: "Inspections_Reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnitOutcome",
                table: "Inspections_Reports",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UnitReviewedAt",
                table: "Inspections_Reports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UnitReviewedBy",
                table: "Inspections_Reports",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_Reports_UnitId_State",
                table: "Inspections_Reports",
                columns: new[] { "UnitId", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Inspections_Reports_UnitId_State",
                table: "Inspections_Reports");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "Inspections_Reports");

            migrationBuilder.DropColumn(
                name: "UnitName",
                table: "Inspections_Reports");

            migrationBuilder.DropColumn(
                name: "UnitOpinion",
                table: "Inspections_Reports");

            migrationBuilder.DropColumn(
                name: "UnitOutcome",
                table: "Inspections_Reports");

            migrationBuilder.DropColumn(
                name: "UnitReviewedAt",
                table: "Inspections_Reports");

            migrationBuilder.DropColumn(
                name: "UnitReviewedBy",
                table: "Inspections_Reports");
        }
    }
}
