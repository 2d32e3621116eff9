using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Registry.Content.Contracts;
using Registry.Core.Security;
using Registry.Testing;
using Registry.Web.Tests.Infrastructure;
using SkiaSharp;

namespace Registry.Web.Tests.Content;

/// <summary>
/// The app with a 信息员 (Editor role) account and a stand-in for the content store's <see cref="IMediaReferences"/>,
/// so tests decide which files are "in use" (the library asks every registered source).
/// </summary>
public abstract class MediaApp(DatabaseKind kind) : AppFixture(kind)
{
    public static readonly (string Email, string Password) Editor = ("media-editor@test.local", "Media-editor-2026");

    public FakeMediaReferences References { get; } = new();

    protected override RegistryFactory CreateFactory(TestDatabase database) =>
        new(database, services: s => s.AddSingleton<IMediaReferences>(References));

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Scope();
        // The test recipe has no 信息员: create the role as the roles recipe step would, with its default permissions.
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<RegistryRole>>();
        if (await roles.FindByNameAsync(RegistryRoles.Editor) is null)
        {
            var role = new RegistryRole(RegistryRoles.Editor);
            (await roles.CreateAsync(role)).Succeeded.ShouldBeTrue();
            foreach (var permission in scope.ServiceProvider.GetRequiredService<IPermissionCatalog>().All.Where(p => p.DefaultRoles.Contains(RegistryRoles.Editor)))
            {
                (await roles.AddClaimAsync(role, new System.Security.Claims.Claim(Permission.ClaimType, permission.Name))).Succeeded.ShouldBeTrue();
            }
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<RegistryUser>>();
        var user = new RegistryUser { UserName = Editor.Email, Email = Editor.Email, EmailConfirmed = true, DisplayName = "测试信息员" };
        var created = await users.CreateAsync(user, Editor.Password);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        (await users.AddToRoleAsync(user, RegistryRoles.Editor)).Succeeded.ShouldBeTrue();
    }
}

public sealed class SqliteMediaApp() : MediaApp(DatabaseKind.Sqlite);

public sealed class PostgreSqlMediaApp() : MediaApp(DatabaseKind.PostgreSql);

/// <summary>Content that "uses" a media file, as the content store would report it.</summary>
public sealed class FakeMediaReferences : IMediaReferences
{
    private readonly ConcurrentDictionary<(long MediaId, long ItemId), MediaReference> _uses = new();

    public void Use(long mediaId, long itemId, string title) =>
        _uses[(mediaId, itemId)] = new MediaReference(itemId, title, $"/Content/Admin/Items/Edit/{itemId}");

    public Task<IReadOnlyList<MediaReference>> FindAsync(string mediaUrl, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<MediaReference>>([.. _uses.Where(u => $"/media/{u.Key.MediaId}/x.png".StartsWith(mediaUrl, StringComparison.Ordinal)).Select(u => u.Value)]);
}

/// <summary>Test images made with SkiaSharp.</summary>
internal static class TestImages
{
    public static byte[] Png(int width, int height) => Encode(width, height, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width, int height) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    public static (int Width, int Height) SizeOf(byte[] image)
    {
        using var bitmap = SKBitmap.Decode(image);
        return (bitmap.Width, bitmap.Height);
    }

    /// <summary>A PNG header declaring a canvas of <paramref name="width"/> × <paramref name="height"/> with almost no data.</summary>
    public static byte[] PngBomb(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        Chunk(output, "IHDR", header);
        Chunk(output, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(output, "IEND", []);
        return output.ToArray();
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SeaGreen);
        }

        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private static void Chunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        byte[] typed = [.. System.Text.Encoding.ASCII.GetBytes(type), .. data];
        output.Write(typed);
        var crc = 0xFFFFFFFFu;
        foreach (var b in typed)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        var check = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(check, crc ^ 0xFFFFFFFFu);
        output.Write(check);
    }
}
