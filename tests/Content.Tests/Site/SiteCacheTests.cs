using Microsoft.Extensions.Caching.Memory;
using Registry.Content.Services.Site;

namespace Registry.Content.Tests.Site;

public sealed class SiteCacheTests
{
    [Fact]
    public async Task GetOrCreate_NothingFound_RememberedUntilInvalidated()
    {
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new SiteCache(memory);
        var asked = 0;
        Task<string?> NotCustomized()
        {
            asked++;
            return Task.FromResult<string?>(null);
        }

        (await cache.GetOrCreateAsync("menu:main:zh-CN", NotCustomized)).ShouldBeNull();
        (await cache.GetOrCreateAsync("menu:main:zh-CN", NotCustomized)).ShouldBeNull();
        asked.ShouldBe(1);

        cache.Invalidate();
        (await cache.GetOrCreateAsync("menu:main:zh-CN", NotCustomized)).ShouldBeNull();
        asked.ShouldBe(2);
    }

    [Fact]
    public async Task GetOrCreate_Value_ServedFromTheCacheUntilInvalidated()
    {
        using var memory = new MemoryCache(new MemoryCacheOptions());
        var cache = new SiteCache(memory);
        var version = 0;
        Task<int> Current() => Task.FromResult(++version);

        (await cache.GetOrCreateAsync("footer", Current)).ShouldBe(1);
        (await cache.GetOrCreateAsync("footer", Current)).ShouldBe(1);
        cache.Invalidate();
        (await cache.GetOrCreateAsync("footer", Current)).ShouldBe(2);
    }
}
