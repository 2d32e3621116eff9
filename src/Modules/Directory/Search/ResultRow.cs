using System.Buffers;
using System.Text;
using Registry.Organizations.Contracts;

namespace Registry.Directory.Search;

/// <summary>
/// What a result row shows of an organization, as the bytes of one binary doc value (<see cref="IndexFields.Row"/>).
/// Read from stored fields, a row cost about 6 µs (its compressed chunk decoded up to the row, a visitor call per field):
/// a tenth of an uncached directory page at 1,000,000 organizations. A doc value is one positional read of plain bytes.
/// Layout: the id, the grade (0: none) and the hub (0: none) as variable-length integers; the name, code, type, status,
/// standing, street, founding date and scope snippet as UTF-8 with their byte length first; the former names' count and
/// each former name.
/// </summary>
internal static class ResultRow
{
    /// <summary>Lucene's limit for one binary doc value; former names that would not fit are left out of the row (they stay searchable).</summary>
    internal const int MaxBytes = 32_766;

    private const int MaxTextLength = 500;

    /// <summary>Writes the row of <paramref name="listing"/> into <paramref name="buffer"/> (cleared first).</summary>
    public static void Write(OrganizationListing listing, ArrayBufferWriter<byte> buffer)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(buffer);
        buffer.Clear();
        WriteNumber(buffer, listing.Id);
        WriteNumber(buffer, listing.Grade is >= 1 and <= DirectoryQuery.MaxGrade ? listing.Grade : 0);
        WriteNumber(buffer, (listing.IsHub ? listing.Id : listing.HubOrganizationId) ?? 0);
        WriteText(buffer, listing.Name);
        WriteText(buffer, (listing.CreditCode ?? listing.FilingNumber)?.ToUpperInvariant() ?? "");
        WriteText(buffer, listing.TypeCode);
        WriteText(buffer, listing.Status);
        WriteText(buffer, listing.Standing.ToString());
        WriteText(buffer, listing.Street);
        WriteText(buffer, listing.FoundedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        WriteText(buffer, listing.BusinessScope.Length > DirectoryDocument.StoredScopeLength ? listing.BusinessScope[..DirectoryDocument.StoredScopeLength] : listing.BusinessScope);
        var fitting = 0;
        var size = buffer.WrittenCount + 5;
        foreach (var former in listing.FormerNames)
        {
            size += 5 + Encoding.UTF8.GetByteCount(Cut(former));
            if (size > MaxBytes)
            {
                break;
            }

            fitting++;
        }

        WriteNumber(buffer, fitting);
        foreach (var former in listing.FormerNames.Take(fitting))
        {
            WriteText(buffer, former);
        }
    }

    /// <summary>The row's hit; its scope as stored (the start of the scope), or made into a snippet by <paramref name="snippet"/>.</summary>
    public static DirectoryHit Read(ReadOnlySpan<byte> row, Func<string, string>? snippet = null)
    {
        var id = ReadNumber(ref row);
        var grade = ReadNumber(ref row);
        var hub = ReadNumber(ref row);
        var name = ReadText(ref row);
        var code = ReadText(ref row);
        var type = ReadText(ref row);
        var status = ReadText(ref row);
        var standing = ReadText(ref row);
        var street = ReadText(ref row);
        var founded = ReadText(ref row);
        var scope = ReadText(ref row);
        var formerNames = new string[ReadNumber(ref row)];
        for (var i = 0; i < formerNames.Length; i++)
        {
            formerNames[i] = ReadText(ref row);
        }

        return new DirectoryHit(id, name, code.Length == 0 ? null : code, type, status, standing, grade, street, founded, snippet is null ? scope : snippet(scope), formerNames, hub == 0 ? null : hub);
    }

    private static void WriteNumber(ArrayBufferWriter<byte> buffer, int value)
    {
        var span = buffer.GetSpan(5);
        var length = 0;
        var rest = (uint)value;
        while (rest >= 0x80)
        {
            span[length++] = (byte)(rest | 0x80);
            rest >>= 7;
        }

        span[length++] = (byte)rest;
        buffer.Advance(length);
    }

    /// <summary>No text of a row is longer (the register's own limits are far lower): the values before the former names always fit.</summary>
    private static string Cut(string text) => text.Length > MaxTextLength ? text[..MaxTextLength] : text;

    private static void WriteText(ArrayBufferWriter<byte> buffer, string value)
    {
        var text = Cut(value);
        var length = Encoding.UTF8.GetByteCount(text);
        WriteNumber(buffer, length);
        Encoding.UTF8.GetBytes(text, buffer.GetSpan(length));
        buffer.Advance(length);
    }

    private static int ReadNumber(ref ReadOnlySpan<byte> row)
    {
        var value = 0u;
        for (var shift = 0; ; shift += 7)
        {
            var b = row[0];
            row = row[1..];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return (int)value;
            }
        }
    }

    private static string ReadText(ref ReadOnlySpan<byte> row)
    {
        var length = ReadNumber(ref row);
        var text = length == 0 ? "" : Encoding.UTF8.GetString(row[..length]);
        row = row[length..];
        return text;
    }
}
