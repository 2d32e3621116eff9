using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Registry.Core.Data;
using Registry.Testing;

namespace Registry.Core.Tests.Data;

/// <summary>
/// <see cref="BulkInsert"/> on a real database of each provider: rows of a table with a foreign key are stored and the
/// key is still checked by the database; a failed insert ends the caller's transaction, so nothing it wrote is kept, and
/// the context writes again afterwards.
/// </summary>
public abstract class BulkInsertTests(DatabaseKind kind) : OwnDatabaseTests<BulkInsertTests.ShelfDbContext>(kind)
{
    /// <summary>More rows than one SQLite statement takes (100), so a clash can come after statements that succeeded.</summary>
    private const int ManyRows = 250;

    [Fact]
    public async Task Insert_RowsOfATableWithAForeignKey_AllStored()
    {
        await using var db = NewContext();
        var shelves = new[] { new Shelf { Name = "东墙" }, new Shelf { Name = "西墙" } };
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.InsertAsync(shelves, assignKeys: true, CancellationToken.None);
            var books = Enumerable.Range(0, ManyRows).Select(i => new Book { ShelfId = shelves[i % 2].Id, Title = $"卷{i}" }).ToList();
            await db.InsertAsync(books, assignKeys: false, CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var read = NewContext();
        (await read.Set<Book>().CountAsync(b => b.ShelfId == shelves[0].Id)).ShouldBe(ManyRows / 2);
        (await read.Set<Book>().CountAsync(b => b.ShelfId == shelves[1].Id)).ShouldBe(ManyRows / 2);
        (await read.Set<Book>().SingleAsync(b => b.Title == "卷249")).ShelfId.ShouldBe(shelves[1].Id);
    }

    [Fact]
    public async Task Insert_MissingParent_RefusedByTheDatabase_NothingOfTheTransactionKept()
    {
        await using (var db = NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var shelf = new Shelf { Name = "北墙" };
            await db.InsertAsync([shelf], assignKeys: true, CancellationToken.None);
            var books = Enumerable.Range(0, ManyRows).Select(i => new Book { ShelfId = i == 180 ? shelf.Id + 1_000 : shelf.Id, Title = $"卷{i}" }).ToList();

            await Should.ThrowAsync<DbException>(() => db.InsertAsync(books, assignKeys: false, CancellationToken.None));
        }

        await using var read = NewContext();
        (await read.Set<Shelf>().CountAsync()).ShouldBe(0);
        (await read.Set<Book>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Insert_UniqueClash_TheWholeTransactionRollsBack_AndTheContextWritesAgain()
    {
        await using var db = NewContext();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Add(new Shelf { Name = "南墙" });
            await db.SaveChangesAsync();
            // The clash is in the third statement on SQLite: the first two succeeded before it.
            var labels = Enumerable.Range(0, ManyRows).Select(i => new Label { Code = i == 230 ? "L-7" : $"L-{i}" }).ToList();

            await Should.ThrowAsync<DbException>(() => db.InsertAsync(labels, assignKeys: false, CancellationToken.None));
        }

        db.ChangeTracker.Clear();
        await using (var read = NewContext())
        {
            (await read.Set<Shelf>().CountAsync()).ShouldBe(0);
            (await read.Set<Label>().CountAsync()).ShouldBe(0);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.InsertAsync(Enumerable.Range(0, ManyRows).Select(i => new Label { Code = $"L-{i}" }).ToList(), assignKeys: false, CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using (var read = NewContext())
        {
            (await read.Set<Label>().CountAsync()).ShouldBe(ManyRows);
        }
    }

    protected override ShelfDbContext Create(DbContextOptions<ShelfDbContext> options) => new(options);

    public sealed class Shelf
    {
        public int Id { get; set; }

        public string Name { get; set; } = "";
    }

    public sealed class Book
    {
        public int Id { get; set; }

        public int ShelfId { get; set; }

        public string Title { get; set; } = "";
    }

    public sealed class Label
    {
        public int Id { get; set; }

        public string Code { get; set; } = "";
    }

    public sealed class ShelfDbContext(DbContextOptions<ShelfDbContext> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Shelf>().ToTable("Test_Shelves");
            modelBuilder.Entity<Book>().ToTable("Test_Books").HasOne<Shelf>().WithMany().HasForeignKey(b => b.ShelfId);
            modelBuilder.Entity<Label>().ToTable("Test_Labels").HasIndex(l => l.Code).IsUnique();
        }
    }
}

public sealed class BulkInsertTestsOnSqlite() : BulkInsertTests(DatabaseKind.Sqlite);

public sealed class BulkInsertTestsOnPostgreSql() : BulkInsertTests(DatabaseKind.PostgreSql);
