using System.Buffers;
using Registry.Organizations.Domain;
using Registry.Organizations.Services;

namespace Registry.Organizations.Tests.Services;

/// <summary>A bulk import writes each revision's changes with a reused JSON writer: the text must be the serializer's.</summary>
public sealed class RegisterWriterTests
{
    [Fact]
    public void ChangesOf_WithReusedBuffer_SameTextAsTheSerializer()
    {
        var buffer = new ArrayBufferWriter<byte>(16);
        IReadOnlyList<FieldChange>[] lists =
        [
            [new("Name", null, "宁波市海曙区阳光养老服务协会"), new("ActivityFunds", "¥0.00", "¥30,000.00")],
            [new("BusinessScope", "<b>\"引号\"</b> & 'x'", "line\nbreak\ttab \\ 😀 \u2028 \u001f"), new("Community", "", null)],
            [],
        ];

        foreach (var changes in lists)
        {
            RegisterWriter.ChangesOf(changes, buffer).ShouldBe(RegisterWriter.ChangesOf(changes));
        }
    }
}
