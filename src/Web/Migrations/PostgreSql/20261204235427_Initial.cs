using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Registry.Web.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Content_HomePages",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ZonesJson = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Content_HomePages", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Content_Items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TranslationKey = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ReviewLevel = table.Column<int>(type: "integer", nullable: false),
                    ReturnReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PublishedVersion = table.Column<int>(type: "integer", nullable: true),
                    PublishAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LatestVersion = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Content_Items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Content_MediaFolders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Content_MediaFolders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Content_MediaFolders_Content_MediaFolders_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Content_MediaFolders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Content_Menus",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ItemsJson = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Content_Menus", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Core_AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Sequence = table.Column<long>(type: "bigint", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false),
                    Mac = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Core_AuditHead",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_AuditHead", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Core_CalendarYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_CalendarYears", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "Core_DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Core_Files",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    OwnerUserId = table.Column<string>(type: "text", nullable: true),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_Files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Core_JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Holder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_JobLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Core_MailMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    To = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TextBody = table.Column<string>(type: "text", nullable: false),
                    HtmlBody = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LockedUntil = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_MailMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Core_Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Core_OutboxCheckpoints",
                columns: table => new
                {
                    Consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LastId = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_OutboxCheckpoints", x => x.Consumer);
                });

            migrationBuilder.CreateTable(
                name: "Core_OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Topic = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Core_RecipeRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    File = table.Column<string>(type: "text", nullable: false),
                    RanAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Succeeded = table.Column<bool>(type: "boolean", nullable: false),
                    Errors = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_RecipeRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Core_Roles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_Roles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Core_Sequences",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_Sequences", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Core_Settings",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Value = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_Settings", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Core_SignOffEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubjectType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SubjectId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Step = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Opinion = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Superseded = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_SignOffEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Core_Users",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: false),
                    IsDisabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PreferredCulture = table.Column<string>(type: "text", nullable: false),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_Users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cultivation_HubBatches",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DecisionNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    NoticeId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_HubBatches", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cultivation_HubReminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HubId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    SentBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_HubReminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cultivation_IncubationBases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OperatorOrganizationId = table.Column<int>(type: "integer", nullable: true),
                    OperatorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_IncubationBases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cultivation_PurchaseContracts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Department = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Project = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_PurchaseContracts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Cultivation_ServiceListCalls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosesOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MinimumGrade = table.Column<int>(type: "integer", nullable: false),
                    RequireQualifiedInspection = table.Column<bool>(type: "boolean", nullable: false),
                    ExcludeCreditListed = table.Column<bool>(type: "boolean", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PublicityStart = table.Column<DateOnly>(type: "date", nullable: true),
                    PublicityEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    PublicityNoticeId = table.Column<int>(type: "integer", nullable: true),
                    AnnouncedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnnouncementNoticeId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_ServiceListCalls", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "Disclosure_CatalogueItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndexNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Topic = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Publisher = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    WrittenOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DocumentNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Scope = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Validity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    SourceModule = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    SourceKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Withdrawn = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Disclosure_CatalogueItems", x => x.Id);
                });

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
                    SecretHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
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
                name: "Documents_Issued",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    VerificationCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    RecipientUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    HolderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IssuedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    FieldsJson = table.Column<string>(type: "text", nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    SignedBy = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    SupersededById = table.Column<int>(type: "integer", nullable: true),
                    SupersededAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SupersedeReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents_Issued", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Documents_Templates",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Body = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Documents_Templates", x => x.Kind);
                });

            migrationBuilder.CreateTable(
                name: "Feedback_Services",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SourceKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ApplicantUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Feedback_Services", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Grants_Rounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Programme = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    BudgetFen = table.Column<long>(type: "bigint", nullable: false),
                    CategoriesJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ProjectCapFen = table.Column<long>(type: "bigint", nullable: false),
                    MaxGrantShareBasisPoints = table.Column<int>(type: "integer", nullable: false),
                    MaxPersonnelShareBasisPoints = table.Column<int>(type: "integer", nullable: true),
                    MaxAdministrativeShareBasisPoints = table.Column<int>(type: "integer", nullable: true),
                    MinMonths = table.Column<int>(type: "integer", nullable: false),
                    MaxMonths = table.Column<int>(type: "integer", nullable: false),
                    EligibilityJson = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ForbiddenItems = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OpensAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RubricJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ReviewersPerApplication = table.Column<int>(type: "integer", nullable: false),
                    BlindReview = table.Column<bool>(type: "boolean", nullable: false),
                    ScoringDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RequiredDocuments = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ShowReviewCommentsToApplicant = table.Column<bool>(type: "boolean", nullable: false),
                    ShowReviewScoresToApplicant = table.Column<bool>(type: "boolean", nullable: false),
                    SpreadThreshold = table.Column<int>(type: "integer", nullable: false),
                    TranchePlanJson = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RankBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PublicityDays = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ShortlistNoticeId = table.Column<int>(type: "integer", nullable: true),
                    PublicityEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_Rounds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Inspections_Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    TypeDeadlinesJson = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    OrganizationTypes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SimplifiedFromGrade = table.Column<int>(type: "integer", nullable: true),
                    AdminCostWarningPercent = table.Column<int>(type: "integer", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LateListedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections_Campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Inspections_CreditListEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    List = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Cause = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CauseDetail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Year = table.Column<int>(type: "integer", nullable: true),
                    EnteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EntryDecision = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    EnteredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Automatic = table.Column<bool>(type: "boolean", nullable: false),
                    ExitRequestedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FulfilmentVerifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExitedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExitCause = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ExitDecision = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ExitedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FromEntryId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections_CreditListEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Inspections_SectorTallies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Street = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Reports = table.Column<int>(type: "integer", nullable: false),
                    FullTimeStaff = table.Column<long>(type: "bigint", nullable: false),
                    PartTimeStaff = table.Column<long>(type: "bigint", nullable: false),
                    Volunteers = table.Column<long>(type: "bigint", nullable: false),
                    IndividualMembers = table.Column<long>(type: "bigint", nullable: false),
                    UnitMembers = table.Column<long>(type: "bigint", nullable: false),
                    IncomeGovernmentFen = table.Column<long>(type: "bigint", nullable: false),
                    IncomeDonationsFen = table.Column<long>(type: "bigint", nullable: false),
                    IncomeServicesFen = table.Column<long>(type: "bigint", nullable: false),
                    IncomeMembershipFen = table.Column<long>(type: "bigint", nullable: false),
                    IncomeOtherFen = table.Column<long>(type: "bigint", nullable: false),
                    ExpenseProgrammeFen = table.Column<long>(type: "bigint", nullable: false),
                    ExpenseStaffFen = table.Column<long>(type: "bigint", nullable: false),
                    ExpenseAdministrativeFen = table.Column<long>(type: "bigint", nullable: false),
                    ExpenseOtherFen = table.Column<long>(type: "bigint", nullable: false),
                    NetAssetsFen = table.Column<long>(type: "bigint", nullable: false),
                    PartyRequired = table.Column<int>(type: "integer", nullable: false),
                    PartyCovered = table.Column<int>(type: "integer", nullable: false),
                    PartyWorkCovered = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections_SectorTallies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notices_Notices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    BodyMarkdown = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: true),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    AcceptsObjections = table.Column<bool>(type: "boolean", nullable: false),
                    SourceModule = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SourceKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notices_Notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_Applications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReceiptNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ApplicantUserId = table.Column<string>(type: "text", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    NameApplicationId = table.Column<int>(type: "integer", nullable: true),
                    FormJson = table.Column<string>(type: "text", nullable: false),
                    OrganizationType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExtensionDays = table.Column<int>(type: "integer", nullable: false),
                    ExtensionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ExtensionApprovedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ExtendedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionReason = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    PreReviewParty = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PreReviewUnitId = table.Column<int>(type: "integer", nullable: true),
                    PreReviewStreet = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    PreReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PreReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PreReviewOpinion = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OwnerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    OwnerName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DueReminderSentOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_Applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_Claims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Statement = table.Column<string>(type: "text", nullable: false),
                    EvidenceFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<string>(type: "text", nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecisionNote = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_Claims", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_Invitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<string>(type: "text", nullable: false),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    InvitedBy = table.Column<string>(type: "text", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_Invitations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_Members",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    IsOrgAdmin = table.Column<bool>(type: "boolean", nullable: false),
                    Since = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_Members", x => new { x.OrganizationId, x.UserId });
                });

            migrationBuilder.CreateTable(
                name: "Organizations_NameReservations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NormalizedName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    ReservedUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    UsedByOrganizationId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_NameReservations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_ObligationReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    ObligationKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Threshold = table.Column<int>(type: "integer", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    WorkingDaysLeft = table.Column<int>(type: "integer", nullable: false),
                    Recipients = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_ObligationReminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_Revisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ChangedBy = table.Column<string>(type: "text", nullable: false),
                    Cause = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ApplicationId = table.Column<int>(type: "integer", nullable: true),
                    Changes = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_Revisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_StreetOfficeAccounts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Street = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_StreetOfficeAccounts", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_SupervisingUnits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_SupervisingUnits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_WorkspaceFeeds",
                columns: table => new
                {
                    OrganizationId = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_WorkspaceFeeds", x => x.OrganizationId);
                });

            migrationBuilder.CreateTable(
                name: "Ratings_Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    WindowOpens = table.Column<DateOnly>(type: "date", nullable: false),
                    WindowCloses = table.Column<DateOnly>(type: "date", nullable: false),
                    RuleSet = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RubricsJson = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ScaleJson = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PublicityDays = table.Column<int>(type: "integer", nullable: false),
                    YearsRegistered = table.Column<int>(type: "integer", nullable: false),
                    ReratingAfterYears = table.Column<int>(type: "integer", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_Campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ratings_FollowUpDraws",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    DrawnOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DrawnBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Seed = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ShareBasisPoints = table.Column<int>(type: "integer", nullable: false),
                    MinimumGrade = table.Column<int>(type: "integer", nullable: false),
                    Pool = table.Column<string>(type: "text", nullable: false),
                    Selected = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_FollowUpDraws", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ratings_GradeEvaluations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GradeId = table.Column<int>(type: "integer", nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    DrawId = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OpenedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ResultGrade = table.Column<int>(type: "integer", nullable: true),
                    Conclusion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ConcludedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConcludedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_GradeEvaluations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ratings_GradeProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    InspectionYear = table.Column<int>(type: "integer", nullable: false),
                    Cause = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    GradeId = table.Column<int>(type: "integer", nullable: false),
                    CurrentGrade = table.Column<int>(type: "integer", nullable: false),
                    ProposedGrade = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceMessageId = table.Column<long>(type: "bigint", nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_GradeProposals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ratings_Grades",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: true),
                    ApplicationId = table.Column<int>(type: "integer", nullable: true),
                    AwardedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReplacedByGrade = table.Column<int>(type: "integer", nullable: true),
                    Reminded6Months = table.Column<bool>(type: "boolean", nullable: false),
                    Reminded1Month = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_Grades", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ratings_Rubrics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    OrganizationType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DefinitionJson = table.Column<string>(type: "text", nullable: false),
                    LoadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_Rubrics", x => x.Id);
                });

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
                name: "Content_SlugHistory",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Culture = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Content_SlugHistory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Content_SlugHistory_Content_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Content_Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Content_Versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ItemId = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    BodyHtml = table.Column<string>(type: "text", nullable: false),
                    PartsJson = table.Column<string>(type: "text", nullable: false),
                    Slug = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    AuthorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Author = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RestoredFrom = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Content_Versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Content_Versions_Content_Items_ItemId",
                        column: x => x.ItemId,
                        principalTable: "Content_Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Content_MediaFiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FolderId = table.Column<int>(type: "integer", nullable: true),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: true),
                    Height = table.Column<int>(type: "integer", nullable: true),
                    AltText = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Caption = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Content_MediaFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Content_MediaFiles_Content_MediaFolders_FolderId",
                        column: x => x.FolderId,
                        principalTable: "Content_MediaFolders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Core_MailAttachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MailMessageId = table.Column<long>(type: "bigint", nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_MailAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Core_MailAttachments_Core_MailMessages_MailMessageId",
                        column: x => x.MailMessageId,
                        principalTable: "Core_MailMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Core_RoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_RoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Core_RoleClaims_Core_Roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "Core_Roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Core_UserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_UserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Core_UserClaims_Core_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Core_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Core_UserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_UserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_Core_UserLogins_Core_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Core_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Core_UserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_UserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_Core_UserRoles_Core_Roles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "Core_Roles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Core_UserRoles_Core_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Core_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Core_UserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Core_UserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_Core_UserTokens_Core_Users_UserId",
                        column: x => x.UserId,
                        principalTable: "Core_Users",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Cultivation_Hubs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BatchId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Field = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Street = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    RecognizedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_Hubs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cultivation_Hubs_Cultivation_HubBatches_BatchId",
                        column: x => x.BatchId,
                        principalTable: "Cultivation_HubBatches",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Cultivation_IncubatedOrganizations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BaseId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: true),
                    ServiceField = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Mentor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EnteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedExitOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExitedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_IncubatedOrganizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cultivation_IncubatedOrganizations_Cultivation_IncubationBa~",
                        column: x => x.BaseId,
                        principalTable: "Cultivation_IncubationBases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Cultivation_ServiceListApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CallId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ServiceField = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Services = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmittedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_ServiceListApplications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cultivation_ServiceListApplications_Cultivation_ServiceList~",
                        column: x => x.CallId,
                        principalTable: "Cultivation_ServiceListCalls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateTable(
                name: "Feedback_Ratings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ServiceId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FollowUp = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    FollowUpStartedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FollowUpWorkingDays = table.Column<int>(type: "integer", nullable: true),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Feedback_Ratings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Feedback_Ratings_Feedback_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Feedback_Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Grants_Applications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Street = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ApplicantUserId = table.Column<string>(type: "text", nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Category = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Beneficiaries = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    BeneficiaryCount = table.Column<int>(type: "integer", nullable: false),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Need = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    Objectives = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    IndicatorsJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ActivityPlan = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Team = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    Partners = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    NoOtherGovernmentFunding = table.Column<bool>(type: "boolean", nullable: false),
                    NoMajorViolation = table.Column<bool>(type: "boolean", nullable: false),
                    FactsJson = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RequestedFen = table.Column<long>(type: "bigint", nullable: false),
                    MatchingFen = table.Column<long>(type: "bigint", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EligibilityJson = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ScreeningRule = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ScreeningNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ScreenedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ScreenedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CutToFen = table.Column<long>(type: "bigint", nullable: true),
                    CutReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AllocatedFen = table.Column<long>(type: "bigint", nullable: true),
                    AllocationNote = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Rank = table.Column<int>(type: "integer", nullable: true),
                    RankScore = table.Column<decimal>(type: "numeric(9,3)", precision: 9, scale: 3, nullable: true),
                    AwardedFen = table.Column<long>(type: "bigint", nullable: true),
                    AwardedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    WithdrawReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_Applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_Applications_Grants_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Grants_Rounds",
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
                name: "Grants_RoundStageEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    From = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_RoundStageEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_RoundStageEvents_Grants_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Grants_Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Grants_ScoringReminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    ReviewerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SentOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_ScoringReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_ScoringReminders_Grants_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Grants_Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Inspections_Reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Street = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Simplified = table.Column<bool>(type: "boolean", nullable: false),
                    Content_WorkSummary = table.Column<string>(type: "text", nullable: false),
                    Content_NextYearPlan = table.Column<string>(type: "text", nullable: false),
                    Content_IndividualMembers = table.Column<int>(type: "integer", nullable: false),
                    Content_UnitMembers = table.Column<int>(type: "integer", nullable: false),
                    Content_FullTimeStaff = table.Column<int>(type: "integer", nullable: false),
                    Content_PartTimeStaff = table.Column<int>(type: "integer", nullable: false),
                    Content_Volunteers = table.Column<int>(type: "integer", nullable: false),
                    Content_PartyOrganization = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Content_PartyMembers = table.Column<int>(type: "integer", nullable: false),
                    Content_MajorChanges = table.Column<string>(type: "text", nullable: false),
                    Content_IncomeGovernmentFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_IncomeDonationsFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_IncomeServicesFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_IncomeMembershipFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_IncomeOtherFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_ExpenseProgrammeFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_ExpenseStaffFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_ExpenseAdministrativeFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_ExpenseOtherFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_NetAssetsStartFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_NetAssetsEndFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_AdjustmentFen = table.Column<long>(type: "bigint", nullable: false),
                    Content_AdjustmentExplanation = table.Column<string>(type: "text", nullable: false),
                    PrefillJson = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SubmittedLate = table.Column<bool>(type: "boolean", nullable: false),
                    ReturnNote = table.Column<string>(type: "text", nullable: true),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    UnitName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UnitOutcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    UnitOpinion = table.Column<string>(type: "text", nullable: true),
                    UnitReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UnitReviewedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Result = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ResultReasons = table.Column<string>(type: "text", nullable: true),
                    ResultOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ResultBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Imported = table.Column<bool>(type: "boolean", nullable: false),
                    Rectification = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RectificationRequirements = table.Column<string>(type: "text", nullable: true),
                    RectificationDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RectificationReport = table.Column<string>(type: "text", nullable: true),
                    RectificationSubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RectificationVerifiedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RectificationVerifiedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections_Reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inspections_Reports_Inspections_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Inspections_Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Inspections_ReportTallies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Result = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Rectification = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedLate = table.Column<bool>(type: "boolean", nullable: false),
                    Reports = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections_ReportTallies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inspections_ReportTallies_Inspections_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Inspections_Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Notices_Attachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NoticeId = table.Column<int>(type: "integer", nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notices_Attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notices_Attachments_Notices_Notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "Notices_Notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Notices_Objections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    NoticeId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Contact = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notices_Objections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notices_Objections_Notices_Notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "Notices_Notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_ApplicationEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserName = table.Column<string>(type: "text", nullable: false),
                    From = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_ApplicationEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organizations_ApplicationEvents_Organizations_Applications_~",
                        column: x => x.ApplicationId,
                        principalTable: "Organizations_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_Corrections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RequestedBy = table.Column<string>(type: "text", nullable: false),
                    Deficiencies = table.Column<string>(type: "text", nullable: false),
                    ResubmittedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_Corrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organizations_Corrections_Organizations_Applications_Applic~",
                        column: x => x.ApplicationId,
                        principalTable: "Organizations_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_Documents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "text", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_Documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organizations_Documents_Organizations_Applications_Applicat~",
                        column: x => x.ApplicationId,
                        principalTable: "Organizations_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_Organizations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    NormalizedName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EnglishName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    CreditCode = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    FilingNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    RegisteringAuthority = table.Column<string>(type: "text", nullable: false),
                    SupervisingUnit = table.Column<string>(type: "text", nullable: true),
                    SupervisingUnitId = table.Column<int>(type: "integer", nullable: true),
                    LegalRepresentative = table.Column<string>(type: "text", nullable: false),
                    District = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Street = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Community = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Address = table.Column<string>(type: "text", nullable: false),
                    ServiceFields = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BusinessScope = table.Column<string>(type: "text", nullable: false),
                    ActivityFundsFen = table.Column<long>(type: "bigint", nullable: false),
                    IndividualMembers = table.Column<int>(type: "integer", nullable: false),
                    UnitMembers = table.Column<int>(type: "integer", nullable: false),
                    FoundedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StatusChangedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Standing = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    HubOrganizationId = table.Column<int>(type: "integer", nullable: true),
                    IsHub = table.Column<bool>(type: "boolean", nullable: false),
                    ContactName = table.Column<string>(type: "text", nullable: true),
                    ContactPhone = table.Column<string>(type: "text", nullable: true),
                    ContactEmail = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_Organizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organizations_Organizations_Organizations_SupervisingUnits_~",
                        column: x => x.SupervisingUnitId,
                        principalTable: "Organizations_SupervisingUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Organizations_SupervisingUnitAccounts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SupervisingUnitId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations_SupervisingUnitAccounts", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_Organizations_SupervisingUnitAccounts_Organizations_Supervi~",
                        column: x => x.SupervisingUnitId,
                        principalTable: "Organizations_SupervisingUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ratings_Applications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CampaignId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrganizationType = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RubricId = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ApplicantUserId = table.Column<string>(type: "text", nullable: true),
                    SelfAssessmentJson = table.Column<string>(type: "text", nullable: false),
                    FactsJson = table.Column<string>(type: "text", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    EligibilityJson = table.Column<string>(type: "text", nullable: false),
                    EligibilityOverridden = table.Column<bool>(type: "boolean", nullable: true),
                    EligibilityNote = table.Column<string>(type: "text", nullable: true),
                    EligibilityBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FieldAssessmentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DeclaredNoPenalty = table.Column<bool>(type: "boolean", nullable: false),
                    DeclaredNotUnderInvestigation = table.Column<bool>(type: "boolean", nullable: false),
                    SimplifiedFieldAssessment = table.Column<bool>(type: "boolean", nullable: false),
                    ComputedTotal = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: true),
                    ComputedGrade = table.Column<int>(type: "integer", nullable: true),
                    DecidedGrade = table.Column<int>(type: "integer", nullable: true),
                    DecisionReason = table.Column<string>(type: "text", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    NoticeId = table.Column<int>(type: "integer", nullable: true),
                    PublicityEndsOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnnouncedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_Applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ratings_Applications_Ratings_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Ratings_Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateTable(
                name: "Content_MediaRenditions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MediaFileId = table.Column<long>(type: "bigint", nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Content_MediaRenditions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Content_MediaRenditions_Content_MediaFiles_MediaFileId",
                        column: x => x.MediaFileId,
                        principalTable: "Content_MediaFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Cultivation_HubMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HubId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationId = table.Column<int>(type: "integer", nullable: false),
                    OrganizationName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Field = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_HubMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cultivation_HubMembers_Cultivation_Hubs_HubId",
                        column: x => x.HubId,
                        principalTable: "Cultivation_Hubs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Cultivation_IncubationServices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IncubatedOrganizationId = table.Column<int>(type: "integer", nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cultivation_IncubationServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cultivation_IncubationServices_Cultivation_IncubatedOrganiz~",
                        column: x => x.IncubatedOrganizationId,
                        principalTable: "Cultivation_IncubatedOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                    GranteeGoneOn = table.Column<DateOnly>(type: "date", nullable: true),
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
                name: "Grants_ApplicationAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    DocumentName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_ApplicationAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_ApplicationAttachments_Grants_Applications_Applicati~",
                        column: x => x.ApplicationId,
                        principalTable: "Grants_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Grants_BudgetLines",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Item = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestedFen = table.Column<long>(type: "bigint", nullable: false),
                    MatchingFen = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_BudgetLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_BudgetLines_Grants_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Grants_Applications",
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
                    DueFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    DueWorkingDays = table.Column<int>(type: "integer", nullable: false),
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
                name: "Grants_ReviewAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    ReviewerUserId = table.Column<string>(type: "text", nullable: false),
                    ReviewerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Automatic = table.Column<bool>(type: "boolean", nullable: false),
                    DeclaredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Recused = table.Column<bool>(type: "boolean", nullable: false),
                    RecusalReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReopenReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_ReviewAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_ReviewAssignments_Grants_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Grants_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Grants_StreetRecommendations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    Street = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Recommended = table.Column<bool>(type: "boolean", nullable: false),
                    Opinion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GivenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_StreetRecommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_StreetRecommendations_Grants_Applications_Applicatio~",
                        column: x => x.ApplicationId,
                        principalTable: "Grants_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Inspections_ReportDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReportId = table.Column<int>(type: "integer", nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections_ReportDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inspections_ReportDocuments_Inspections_Reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "Inspections_Reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ratings_Evidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    IndicatorCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_Evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ratings_Evidence_Ratings_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Ratings_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ratings_PanelMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    ReviewerUserId = table.Column<string>(type: "text", nullable: false),
                    ReviewerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeclaredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Recused = table.Column<bool>(type: "boolean", nullable: false),
                    ScoresSubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_PanelMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ratings_PanelMembers_Ratings_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Ratings_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ratings_ReviewRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    FiledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FiledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Grounds = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AnswerWorkingDays = table.Column<int>(type: "integer", nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Decision = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: true),
                    GradeAfterReview = table.Column<int>(type: "integer", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_ReviewRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ratings_ReviewRequests_Ratings_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Ratings_Applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ratings_Scores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    ReviewerUserId = table.Column<string>(type: "text", nullable: false),
                    IndicatorCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Points = table.Column<decimal>(type: "numeric(7,1)", precision: 7, scale: 1, nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ratings_Scores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ratings_Scores_Ratings_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Ratings_Applications",
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
                name: "Grants_ApplicationMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ApplicationId = table.Column<int>(type: "integer", nullable: false),
                    AgreementId = table.Column<int>(type: "integer", nullable: true),
                    FromApplicant = table.Column<bool>(type: "boolean", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: true),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: true),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_ApplicationMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_ApplicationMessages_Grants_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Grants_Agreements",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_Grants_ApplicationMessages_Grants_Applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "Grants_Applications",
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
                name: "Grants_ReviewScores",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssignmentId = table.Column<int>(type: "integer", nullable: false),
                    CriterionCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Points = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Grants_ReviewScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Grants_ReviewScores_Grants_ReviewAssignments_AssignmentId",
                        column: x => x.AssignmentId,
                        principalTable: "Grants_ReviewAssignments",
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

            migrationBuilder.InsertData(
                table: "Core_AuditHead",
                columns: new[] { "Id", "Hash", "Sequence" },
                values: new object[] { 1, "0000000000000000000000000000000000000000000000000000000000000000", 0L });

            migrationBuilder.CreateIndex(
                name: "IX_Content_Items_State_UpdatedAt",
                table: "Content_Items",
                columns: new[] { "State", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Content_Items_TranslationKey_Culture",
                table: "Content_Items",
                columns: new[] { "TranslationKey", "Culture" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Content_Items_Type_Category_PublishAt",
                table: "Content_Items",
                columns: new[] { "Type", "Category", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Content_Items_Type_Culture_Slug",
                table: "Content_Items",
                columns: new[] { "Type", "Culture", "Slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Content_MediaFiles_FileId",
                table: "Content_MediaFiles",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Content_MediaFiles_FolderId_UploadedAt",
                table: "Content_MediaFiles",
                columns: new[] { "FolderId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Content_MediaFolders_ParentId_Name",
                table: "Content_MediaFolders",
                columns: new[] { "ParentId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Content_MediaRenditions_MediaFileId_Width",
                table: "Content_MediaRenditions",
                columns: new[] { "MediaFileId", "Width" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Content_SlugHistory_ItemId",
                table: "Content_SlugHistory",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_Content_SlugHistory_Type_Slug",
                table: "Content_SlugHistory",
                columns: new[] { "Type", "Slug" });

            migrationBuilder.CreateIndex(
                name: "IX_Content_Versions_ItemId_Number",
                table: "Content_Versions",
                columns: new[] { "ItemId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Core_AuditEntries_EntityType_EntityId",
                table: "Core_AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Core_AuditEntries_Sequence",
                table: "Core_AuditEntries",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Core_Files_OrganizationId",
                table: "Core_Files",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Core_Files_Sha256",
                table: "Core_Files",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_Core_MailAttachments_MailMessageId",
                table: "Core_MailAttachments",
                column: "MailMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_Core_MailMessages_Status_NextAttemptAt",
                table: "Core_MailMessages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Core_Notifications_UserId_CreatedAt",
                table: "Core_Notifications",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Core_RoleClaims_RoleId",
                table: "Core_RoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "Core_Roles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Core_SignOffEntries_SubjectType_SubjectId",
                table: "Core_SignOffEntries",
                columns: new[] { "SubjectType", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_Core_UserClaims_UserId",
                table: "Core_UserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Core_UserLogins_UserId",
                table: "Core_UserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Core_UserRoles_RoleId",
                table: "Core_UserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "Core_Users",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "Core_Users",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_HubBatches_Number",
                table: "Cultivation_HubBatches",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_HubMembers_HubId",
                table: "Cultivation_HubMembers",
                column: "HubId");

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_HubMembers_OrganizationId_Field",
                table: "Cultivation_HubMembers",
                columns: new[] { "OrganizationId", "Field" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_HubReminders_HubId_OrganizationId_SentAt",
                table: "Cultivation_HubReminders",
                columns: new[] { "HubId", "OrganizationId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_Hubs_BatchId",
                table: "Cultivation_Hubs",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_Hubs_OrganizationId_Field",
                table: "Cultivation_Hubs",
                columns: new[] { "OrganizationId", "Field" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_IncubatedOrganizations_BaseId",
                table: "Cultivation_IncubatedOrganizations",
                column: "BaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_IncubatedOrganizations_Name",
                table: "Cultivation_IncubatedOrganizations",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_IncubatedOrganizations_State_ExitedOn",
                table: "Cultivation_IncubatedOrganizations",
                columns: new[] { "State", "ExitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_IncubationBases_Name",
                table: "Cultivation_IncubationBases",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_IncubationServices_IncubatedOrganizationId",
                table: "Cultivation_IncubationServices",
                column: "IncubatedOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_PurchaseContracts_OrganizationId",
                table: "Cultivation_PurchaseContracts",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_PurchaseContracts_StartsOn",
                table: "Cultivation_PurchaseContracts",
                column: "StartsOn");

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_ServiceListApplications_CallId_OrganizationId_S~",
                table: "Cultivation_ServiceListApplications",
                columns: new[] { "CallId", "OrganizationId", "ServiceField" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_ServiceListApplications_OrganizationId_State",
                table: "Cultivation_ServiceListApplications",
                columns: new[] { "OrganizationId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Cultivation_ServiceListCalls_Year",
                table: "Cultivation_ServiceListCalls",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Disclosure_AnnualReports_Year",
                table: "Disclosure_AnnualReports",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Disclosure_CatalogueItems_IndexNumber",
                table: "Disclosure_CatalogueItems",
                column: "IndexNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Disclosure_CatalogueItems_SourceModule_SourceKey",
                table: "Disclosure_CatalogueItems",
                columns: new[] { "SourceModule", "SourceKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Disclosure_CatalogueItems_Withdrawn_PublishedOn",
                table: "Disclosure_CatalogueItems",
                columns: new[] { "Withdrawn", "PublishedOn" });

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

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Issued_Kind_Year_Sequence",
                table: "Documents_Issued",
                columns: new[] { "Kind", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Issued_Number",
                table: "Documents_Issued",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Issued_OrganizationId",
                table: "Documents_Issued",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Issued_RecipientUserId",
                table: "Documents_Issued",
                column: "RecipientUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Issued_Source_Revision",
                table: "Documents_Issued",
                columns: new[] { "Source", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Documents_Issued_VerificationCode",
                table: "Documents_Issued",
                column: "VerificationCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_Ratings_FollowUp",
                table: "Feedback_Ratings",
                column: "FollowUp");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_Ratings_RatedOn_Kind",
                table: "Feedback_Ratings",
                columns: new[] { "RatedOn", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_Ratings_ServiceId",
                table: "Feedback_Ratings",
                column: "ServiceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_Services_ApplicantUserId",
                table: "Feedback_Services",
                column: "ApplicantUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_Services_OrganizationId",
                table: "Feedback_Services",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Feedback_Services_SourceKey",
                table: "Feedback_Services",
                column: "SourceKey",
                unique: true);

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
                name: "IX_Grants_ApplicationAttachments_ApplicationId",
                table: "Grants_ApplicationAttachments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ApplicationAttachments_FileId",
                table: "Grants_ApplicationAttachments",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ApplicationMessages_AgreementId",
                table: "Grants_ApplicationMessages",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ApplicationMessages_ApplicationId",
                table: "Grants_ApplicationMessages",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ApplicationMessages_FileId",
                table: "Grants_ApplicationMessages",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_Applications_OrganizationId",
                table: "Grants_Applications",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_Applications_RoundId_State",
                table: "Grants_Applications",
                columns: new[] { "RoundId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_Applications_Street_RoundId",
                table: "Grants_Applications",
                columns: new[] { "Street", "RoundId" });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_Applications_UntouchedDraft",
                table: "Grants_Applications",
                columns: new[] { "RoundId", "OrganizationId", "ApplicantUserId" },
                unique: true,
                filter: "\"State\" = 'Draft' AND \"Version\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_BudgetLines_ApplicationId",
                table: "Grants_BudgetLines",
                column: "ApplicationId");

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
                name: "IX_Grants_ProgressReports_State_DueFrom",
                table: "Grants_ProgressReports",
                columns: new[] { "State", "DueFrom" });

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
                name: "IX_Grants_ReviewAssignments_ApplicationId_ReviewerUserId",
                table: "Grants_ReviewAssignments",
                columns: new[] { "ApplicationId", "ReviewerUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ReviewAssignments_RoundId_ReviewerUserId",
                table: "Grants_ReviewAssignments",
                columns: new[] { "RoundId", "ReviewerUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ReviewScores_AssignmentId_CriterionCode",
                table: "Grants_ReviewScores",
                columns: new[] { "AssignmentId", "CriterionCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Grants_Rounds_Year_Programme",
                table: "Grants_Rounds",
                columns: new[] { "Year", "Programme" });

            migrationBuilder.CreateIndex(
                name: "IX_Grants_RoundStageEvents_RoundId",
                table: "Grants_RoundStageEvents",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_Grants_ScoringReminders_RoundId_ReviewerUserId",
                table: "Grants_ScoringReminders",
                columns: new[] { "RoundId", "ReviewerUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Grants_StreetRecommendations_ApplicationId",
                table: "Grants_StreetRecommendations",
                column: "ApplicationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Grants_Tranches_AgreementId_Index",
                table: "Grants_Tranches",
                columns: new[] { "AgreementId", "Index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_Campaigns_Year",
                table: "Inspections_Campaigns",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_CreditListEntries_List_ExitedOn_EnteredOn",
                table: "Inspections_CreditListEntries",
                columns: new[] { "List", "ExitedOn", "EnteredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_CreditListEntries_OrganizationId_Cause",
                table: "Inspections_CreditListEntries",
                columns: new[] { "OrganizationId", "Cause" },
                unique: true,
                filter: "\"Cause\" = 'RegistrationRevoked' AND \"ExitedOn\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_CreditListEntries_OrganizationId_Cause_Year",
                table: "Inspections_CreditListEntries",
                columns: new[] { "OrganizationId", "Cause", "Year" },
                unique: true,
                filter: "\"Automatic\" = TRUE AND \"Year\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_CreditListEntries_OrganizationId_ExitedOn",
                table: "Inspections_CreditListEntries",
                columns: new[] { "OrganizationId", "ExitedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_ReportDocuments_FileId",
                table: "Inspections_ReportDocuments",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_ReportDocuments_ReportId_ItemCode",
                table: "Inspections_ReportDocuments",
                columns: new[] { "ReportId", "ItemCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_Reports_CampaignId_State_Result_Rectification_S~",
                table: "Inspections_Reports",
                columns: new[] { "CampaignId", "State", "Result", "Rectification", "SubmittedLate" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_Reports_OrganizationId",
                table: "Inspections_Reports",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_Reports_UnitId_State",
                table: "Inspections_Reports",
                columns: new[] { "UnitId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_Reports_Year_OrganizationId",
                table: "Inspections_Reports",
                columns: new[] { "Year", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_ReportTallies_CampaignId_State_Result_Rectifica~",
                table: "Inspections_ReportTallies",
                columns: new[] { "CampaignId", "State", "Result", "Rectification", "SubmittedLate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_SectorTallies_Year_TypeCode_Street",
                table: "Inspections_SectorTallies",
                columns: new[] { "Year", "TypeCode", "Street" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Attachments_FileId",
                table: "Notices_Attachments",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Attachments_NoticeId",
                table: "Notices_Attachments",
                column: "NoticeId");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Notices_SourceModule_SourceKey",
                table: "Notices_Notices",
                columns: new[] { "SourceModule", "SourceKey" },
                unique: true,
                filter: "\"SourceModule\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Notices_Status_PublishedAt",
                table: "Notices_Notices",
                columns: new[] { "Status", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Objections_NoticeId_SubmittedAt",
                table: "Notices_Objections",
                columns: new[] { "NoticeId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notices_Objections_ReceiptNumber",
                table: "Notices_Objections",
                column: "ReceiptNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_ApplicationEvents_ApplicationId",
                table: "Organizations_ApplicationEvents",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Applications_ApplicantUserId",
                table: "Organizations_Applications",
                column: "ApplicantUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Applications_OwnerUserId",
                table: "Organizations_Applications",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Applications_ReceiptNumber",
                table: "Organizations_Applications",
                column: "ReceiptNumber",
                unique: true,
                filter: "\"ReceiptNumber\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Applications_State_DecidedAt_Kind_Organizatio~",
                table: "Organizations_Applications",
                columns: new[] { "State", "DecidedAt", "Kind", "OrganizationType", "AcceptedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Applications_State_Kind",
                table: "Organizations_Applications",
                columns: new[] { "State", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Applications_State_PreReviewStreet",
                table: "Organizations_Applications",
                columns: new[] { "State", "PreReviewStreet" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Applications_State_PreReviewUnitId",
                table: "Organizations_Applications",
                columns: new[] { "State", "PreReviewUnitId" });

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
                name: "IX_Organizations_ObligationReminders_OrganizationId_Obligation~",
                table: "Organizations_ObligationReminders",
                columns: new[] { "OrganizationId", "ObligationKey", "Threshold" },
                unique: true);

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
                name: "IX_Organizations_Organizations_SupervisingUnitId",
                table: "Organizations_Organizations",
                column: "SupervisingUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Organizations_Type_Status",
                table: "Organizations_Organizations",
                columns: new[] { "Type", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Organizations_Type_Status_Street_FoundedOn_St~",
                table: "Organizations_Organizations",
                columns: new[] { "Type", "Status", "Street", "FoundedOn", "StatusChangedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Revisions_OrganizationId_Number",
                table: "Organizations_Revisions",
                columns: new[] { "OrganizationId", "Number" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_WorkspaceFeeds_Token",
                table: "Organizations_WorkspaceFeeds",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_Applications_CampaignId_OrganizationId",
                table: "Ratings_Applications",
                columns: new[] { "CampaignId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_Applications_CampaignId_State",
                table: "Ratings_Applications",
                columns: new[] { "CampaignId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_Applications_OrganizationId",
                table: "Ratings_Applications",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_Evidence_ApplicationId",
                table: "Ratings_Evidence",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_Evidence_FileId",
                table: "Ratings_Evidence",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_GradeEvaluations_OrganizationId",
                table: "Ratings_GradeEvaluations",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_GradeEvaluations_Outcome_Kind",
                table: "Ratings_GradeEvaluations",
                columns: new[] { "Outcome", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_GradeProposals_OrganizationId_InspectionYear",
                table: "Ratings_GradeProposals",
                columns: new[] { "OrganizationId", "InspectionYear" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_GradeProposals_State",
                table: "Ratings_GradeProposals",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_Grades_OrganizationId_ValidUntil",
                table: "Ratings_Grades",
                columns: new[] { "OrganizationId", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_Grades_ValidUntil_EndedOn",
                table: "Ratings_Grades",
                columns: new[] { "ValidUntil", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_PanelMembers_ApplicationId_ReviewerUserId",
                table: "Ratings_PanelMembers",
                columns: new[] { "ApplicationId", "ReviewerUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_PanelMembers_ReviewerUserId",
                table: "Ratings_PanelMembers",
                column: "ReviewerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_ReviewRequests_ApplicationId",
                table: "Ratings_ReviewRequests",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_Rubrics_Code_Version",
                table: "Ratings_Rubrics",
                columns: new[] { "Code", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ratings_Scores_ApplicationId_ReviewerUserId_IndicatorCode",
                table: "Ratings_Scores",
                columns: new[] { "ApplicationId", "ReviewerUserId", "IndicatorCode" },
                unique: true);

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
                name: "Content_HomePages");

            migrationBuilder.DropTable(
                name: "Content_MediaRenditions");

            migrationBuilder.DropTable(
                name: "Content_Menus");

            migrationBuilder.DropTable(
                name: "Content_SlugHistory");

            migrationBuilder.DropTable(
                name: "Content_Versions");

            migrationBuilder.DropTable(
                name: "Core_AuditEntries");

            migrationBuilder.DropTable(
                name: "Core_AuditHead");

            migrationBuilder.DropTable(
                name: "Core_CalendarYears");

            migrationBuilder.DropTable(
                name: "Core_DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "Core_Files");

            migrationBuilder.DropTable(
                name: "Core_JobLeases");

            migrationBuilder.DropTable(
                name: "Core_MailAttachments");

            migrationBuilder.DropTable(
                name: "Core_Notifications");

            migrationBuilder.DropTable(
                name: "Core_OutboxCheckpoints");

            migrationBuilder.DropTable(
                name: "Core_OutboxMessages");

            migrationBuilder.DropTable(
                name: "Core_RecipeRuns");

            migrationBuilder.DropTable(
                name: "Core_RoleClaims");

            migrationBuilder.DropTable(
                name: "Core_Sequences");

            migrationBuilder.DropTable(
                name: "Core_Settings");

            migrationBuilder.DropTable(
                name: "Core_SignOffEntries");

            migrationBuilder.DropTable(
                name: "Core_UserClaims");

            migrationBuilder.DropTable(
                name: "Core_UserLogins");

            migrationBuilder.DropTable(
                name: "Core_UserRoles");

            migrationBuilder.DropTable(
                name: "Core_UserTokens");

            migrationBuilder.DropTable(
                name: "Cultivation_HubMembers");

            migrationBuilder.DropTable(
                name: "Cultivation_HubReminders");

            migrationBuilder.DropTable(
                name: "Cultivation_IncubationServices");

            migrationBuilder.DropTable(
                name: "Cultivation_PurchaseContracts");

            migrationBuilder.DropTable(
                name: "Cultivation_ServiceListApplications");

            migrationBuilder.DropTable(
                name: "Disclosure_AnnualReports");

            migrationBuilder.DropTable(
                name: "Disclosure_CatalogueItems");

            migrationBuilder.DropTable(
                name: "Disclosure_RequestAttachments");

            migrationBuilder.DropTable(
                name: "Disclosure_RequestEvents");

            migrationBuilder.DropTable(
                name: "Documents_Issued");

            migrationBuilder.DropTable(
                name: "Documents_Templates");

            migrationBuilder.DropTable(
                name: "Feedback_Ratings");

            migrationBuilder.DropTable(
                name: "Grants_AgreementRevisions");

            migrationBuilder.DropTable(
                name: "Grants_ApplicationAttachments");

            migrationBuilder.DropTable(
                name: "Grants_ApplicationMessages");

            migrationBuilder.DropTable(
                name: "Grants_BudgetLines");

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
                name: "Grants_ReviewScores");

            migrationBuilder.DropTable(
                name: "Grants_RoundStageEvents");

            migrationBuilder.DropTable(
                name: "Grants_ScoringReminders");

            migrationBuilder.DropTable(
                name: "Grants_StreetRecommendations");

            migrationBuilder.DropTable(
                name: "Inspections_CreditListEntries");

            migrationBuilder.DropTable(
                name: "Inspections_ReportDocuments");

            migrationBuilder.DropTable(
                name: "Inspections_ReportTallies");

            migrationBuilder.DropTable(
                name: "Inspections_SectorTallies");

            migrationBuilder.DropTable(
                name: "Notices_Attachments");

            migrationBuilder.DropTable(
                name: "Notices_Objections");

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
                name: "Organizations_ObligationReminders");

            migrationBuilder.DropTable(
                name: "Organizations_Organizations");

            migrationBuilder.DropTable(
                name: "Organizations_Revisions");

            migrationBuilder.DropTable(
                name: "Organizations_StreetOfficeAccounts");

            migrationBuilder.DropTable(
                name: "Organizations_SupervisingUnitAccounts");

            migrationBuilder.DropTable(
                name: "Organizations_WorkspaceFeeds");

            migrationBuilder.DropTable(
                name: "Ratings_Evidence");

            migrationBuilder.DropTable(
                name: "Ratings_FollowUpDraws");

            migrationBuilder.DropTable(
                name: "Ratings_GradeEvaluations");

            migrationBuilder.DropTable(
                name: "Ratings_GradeProposals");

            migrationBuilder.DropTable(
                name: "Ratings_Grades");

            migrationBuilder.DropTable(
                name: "Ratings_PanelMembers");

            migrationBuilder.DropTable(
                name: "Ratings_ReviewRequests");

            migrationBuilder.DropTable(
                name: "Ratings_Rubrics");

            migrationBuilder.DropTable(
                name: "Ratings_Scores");

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
                name: "Content_MediaFiles");

            migrationBuilder.DropTable(
                name: "Content_Items");

            migrationBuilder.DropTable(
                name: "Core_MailMessages");

            migrationBuilder.DropTable(
                name: "Core_Roles");

            migrationBuilder.DropTable(
                name: "Core_Users");

            migrationBuilder.DropTable(
                name: "Cultivation_Hubs");

            migrationBuilder.DropTable(
                name: "Cultivation_IncubatedOrganizations");

            migrationBuilder.DropTable(
                name: "Cultivation_ServiceListCalls");

            migrationBuilder.DropTable(
                name: "Disclosure_Requests");

            migrationBuilder.DropTable(
                name: "Feedback_Services");

            migrationBuilder.DropTable(
                name: "Grants_Tranches");

            migrationBuilder.DropTable(
                name: "Grants_ProgressReports");

            migrationBuilder.DropTable(
                name: "Grants_Refunds");

            migrationBuilder.DropTable(
                name: "Grants_ReviewAssignments");

            migrationBuilder.DropTable(
                name: "Inspections_Reports");

            migrationBuilder.DropTable(
                name: "Notices_Notices");

            migrationBuilder.DropTable(
                name: "Organizations_Applications");

            migrationBuilder.DropTable(
                name: "Organizations_SupervisingUnits");

            migrationBuilder.DropTable(
                name: "Ratings_Applications");

            migrationBuilder.DropTable(
                name: "Supervision_Cases");

            migrationBuilder.DropTable(
                name: "Supervision_Complaints");

            migrationBuilder.DropTable(
                name: "Supervision_Plans");

            migrationBuilder.DropTable(
                name: "Content_MediaFolders");

            migrationBuilder.DropTable(
                name: "Cultivation_HubBatches");

            migrationBuilder.DropTable(
                name: "Cultivation_IncubationBases");

            migrationBuilder.DropTable(
                name: "Grants_Agreements");

            migrationBuilder.DropTable(
                name: "Inspections_Campaigns");

            migrationBuilder.DropTable(
                name: "Ratings_Campaigns");

            migrationBuilder.DropTable(
                name: "Grants_Applications");

            migrationBuilder.DropTable(
                name: "Grants_Rounds");
        }
    }
}
