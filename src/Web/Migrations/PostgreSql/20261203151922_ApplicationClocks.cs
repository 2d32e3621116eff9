using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Registry.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ApplicationClocks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ExtendedOn",
                table: "Organizations_Applications",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionApprovedBy",
                table: "Organizations_Applications",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExtensionDays",
                table: "Organizations_Applications",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ExtensionReason",
                table: "Organizations_Applications",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReceivedOn",
                table: "Organizations_Applications",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExtendedOn",
                table: "Organizations_Applications");

            migrationBuilder.DropColumn(
                name: "ExtensionApprovedBy",
                table: "Organizations_Applications");

            migrationBuilder.DropColumn(
                name: "ExtensionDays",
                table: "Organizations_Applications");

            migrationBuilder.DropColumn(
                name: "ExtensionReason",
                table: "Organizations_Applications");

            migrationBuilder.DropColumn(
                name: "ReceivedOn",
                table: "Organizations_Applications");
        }
    }
}
