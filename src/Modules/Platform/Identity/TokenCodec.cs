using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Registry.Platform.Identity;

/// <summary>Identity tokens travel in links: base64url so they survive mail clients.</summary>
internal static class TokenCodec
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
