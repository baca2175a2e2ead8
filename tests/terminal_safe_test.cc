#include "cli/terminal_safe.h"

#include <string>

#include "gtest/gtest.h"

namespace casefile::cli {
namespace {

using namespace std::string_literals;

TEST(TerminalSafe, KeepsPrintableUtf8AndTabs) {
  EXPECT_EQ(TerminalSafe("Zoë WATSON (03/04/2008)\tSiân £5 “not happy” – 👍 日本"),
            "Zoë WATSON (03/04/2008)\tSiân £5 “not happy” – 👍 日本");
  EXPECT_EQ(TerminalSafe(""), "");
  EXPECT_EQ(TerminalSafe("a\\x1b b"), "a\\x1b b");  // a backslash as written
  EXPECT_EQ(TerminalSafe("\u00a0\u00ff\u0100\uffff\U0010ffff"), "\u00a0\u00ff\u0100\uffff\U0010ffff");
}

TEST(TerminalSafe, NewlineIsShownOnOneLineAndKeptInText) {
  EXPECT_EQ(TerminalSafe("paper/a\nb.csv"), "paper/a\\nb.csv");
  EXPECT_EQ(TerminalSafeText("line one\nline two\n"), "line one\nline two\n");
  EXPECT_EQ(TerminalSafeText("crlf\r\n"), "crlf\\x0d\n");
}

TEST(TerminalSafe, EscapeSequencesAreShownNotSent) {
  // Colour, cursor movement, clearing the screen, an OSC title and an OSC 8
  // hyperlink: the ESC (and BEL) become visible, the rest is harmless text.
  EXPECT_EQ(TerminalSafe("\x1b[31mred\x1b[0m"), "\\x1b[31mred\\x1b[0m");
  EXPECT_EQ(TerminalSafe("\x1b[2J\x1b[H"), "\\x1b[2J\\x1b[H");
  EXPECT_EQ(TerminalSafe("\x1b]0;owned\x07"), "\\x1b]0;owned\\x07");
  EXPECT_EQ(TerminalSafeText("\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\"),
            "\\x1b]8;;http://x\\x1b\\link\\x1b]8;;\\x1b\\");
}

TEST(TerminalSafe, EveryOtherControlIsEscaped) {
  EXPECT_EQ(TerminalSafe("a\0b"s), "a\\x00b");
  EXPECT_EQ(TerminalSafeText("\x01\x07\x08\x0b\x0c\r\x1f\x7f"), "\\x01\\x07\\x08\\x0b\\x0c\\x0d\\x1f\\x7f");
  // C1 controls, encoded as UTF-8: U+0080, U+0085 (NEL), U+009B (CSI), U+009F.
  EXPECT_EQ(TerminalSafe("\u0080\u0085[31m\u009b2J\u009f"), "\\u0080\\u0085[31m\\u009b2J\\u009f");
}

TEST(TerminalSafe, InvalidUtf8BytesAreShownByValue) {
  EXPECT_EQ(TerminalSafe("caf\xe9"), "caf\\xe9");             // Windows-1252 é
  EXPECT_EQ(TerminalSafe("\x9b" "2J"), "\\x9b2J");            // a raw 8-bit CSI
  EXPECT_EQ(TerminalSafe("\xc0\xaf"), "\\xc0\\xaf");          // overlong '/'
  EXPECT_EQ(TerminalSafe("\xe0\x80\xaf"), "\\xe0\\x80\\xaf");  // overlong, three bytes
  EXPECT_EQ(TerminalSafe("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // a UTF-16 surrogate
  EXPECT_EQ(TerminalSafe("\xf4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80");  // past U+10FFFF
  EXPECT_EQ(TerminalSafe("\xe2\x80"), "\\xe2\\x80");          // cut short at the end
  EXPECT_EQ(TerminalSafe("\xe2\x80x"), "\\xe2\\x80x");        // cut short by an ASCII byte
  EXPECT_EQ(TerminalSafe("\xff\xfe"), "\\xff\\xfe");
}

}  // namespace
}  // namespace casefile::cli
