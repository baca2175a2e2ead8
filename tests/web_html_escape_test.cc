// HtmlEscape and CssString: stored strings become inert text.
#include "web/html_escape.h"

#include <string>

#include "gtest/gtest.h"

namespace casefile::web {
namespace {

TEST(HtmlEscapeTest, MarkupAndQuotesBecomeCharacterReferences) {
  EXPECT_EQ(HtmlEscape("<script>alert(\"x\")</script>"), "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  EXPECT_EQ(HtmlEscape("a & b's <b onclick='x'>"), "a &amp; b&#39;s &lt;b onclick=&#39;x&#39;&gt;");
  EXPECT_EQ(HtmlEscape("&lt;"), "&amp;lt;");
}

TEST(HtmlEscapeTest, ValidUtf8TabsAndNewlinesStay) {
  EXPECT_EQ(HtmlEscape("Zoë Ó BRIEN\tline\r\nnext €𝄞"), "Zoë Ó BRIEN\tline\r\nnext €𝄞");
}

TEST(HtmlEscapeTest, ControlCharactersBecomeReplacementCharacters) {
  EXPECT_EQ(HtmlEscape(std::string("a\0b", 3)), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(HtmlEscape("\x1b[31mred\x7f"), "\xEF\xBF\xBD[31mred\xEF\xBF\xBD");
  EXPECT_EQ(HtmlEscape("\xC2\x85"), "\xEF\xBF\xBD");  // C1 NEL
}

TEST(HtmlEscapeTest, InvalidUtf8BecomesReplacementCharacters) {
  EXPECT_EQ(HtmlEscape("\xFF<"), "\xEF\xBF\xBD&lt;");
  EXPECT_EQ(HtmlEscape("\xC3"), "\xEF\xBF\xBD");                   // truncated
  EXPECT_EQ(HtmlEscape("\xC0\xBC"), "\xEF\xBF\xBD\xEF\xBF\xBD");   // overlong '<'
  EXPECT_EQ(HtmlEscape("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(HtmlEscape("\xF4\x90\x80\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // > U+10FFFF
}

// Plain runs are copied at once: every byte value, at every place in a run,
// is still escaped as it must be.
TEST(HtmlEscapeTest, EveryByteIsEscapedWhereverItStandsInLongText) {
  const std::string plain(40, 'x');
  for (int b = 0; b < 256; ++b) {
    std::string expected_byte(1, static_cast<char>(b));
    if (b == '&') expected_byte = "&amp;";
    if (b == '<') expected_byte = "&lt;";
    if (b == '>') expected_byte = "&gt;";
    if (b == '"') expected_byte = "&quot;";
    if (b == '\'') expected_byte = "&#39;";
    if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b >= 0x7F) expected_byte = "\xEF\xBF\xBD";
    for (size_t at = 0; at < 24; ++at) {
      std::string text = plain;
      text[at] = static_cast<char>(b);
      const std::string expected = plain.substr(0, at) + expected_byte + plain.substr(at + 1);
      ASSERT_EQ(HtmlEscape(text), expected) << "byte " << b << " at " << at;
    }
  }
}

TEST(CssStringTest, EverythingButPlainCharactersIsEscaped) {
  EXPECT_EQ(CssString("Case CF-000001"), "\"Case CF-000001\"");
  EXPECT_EQ(CssString("a\"</style><script>"), "\"a\\22 \\3c /style\\3e \\3c script\\3e \"");
  EXPECT_EQ(CssString("\\\n"), "\"\\5c \\a \"");
}

}  // namespace
}  // namespace casefile::web
