#include "core/chronology/validation.h"

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

#include "gtest/gtest.h"

namespace casefile {
namespace {

using P = v1::PartialTime;

P Time(P::Precision precision, int y, int mo, int d = 0, int h = 0, int mi = 0) {
  P t;
  t.set_precision(precision);
  t.set_year(y);
  t.set_month(mo);
  t.set_day(d);
  t.set_hour(h);
  t.set_minute(mi);
  return t;
}

absl::Status Invalid(const std::string& message) { return absl::InvalidArgumentError(message); }

TEST(ValidatePartialTimeTest, AcceptsEachPrecision) {
  EXPECT_TRUE(ValidatePartialTime(P(), "t").ok());
  EXPECT_TRUE(ValidatePartialTime(Time(P::PRECISION_MONTH, 2012, 2), "t").ok());
  EXPECT_TRUE(ValidatePartialTime(Time(P::PRECISION_DAY, 2012, 2, 29), "t").ok());
  EXPECT_TRUE(ValidatePartialTime(Time(P::PRECISION_MINUTE, 2012, 12, 31, 23, 59), "t").ok());
  EXPECT_TRUE(ValidatePartialTime(Time(P::PRECISION_MINUTE, 2012, 1, 1, 0, 0), "t").ok());
  EXPECT_TRUE(ValidatePartialTime(Time(P::PRECISION_DAY, 1900, 1, 1), "t").ok());
  EXPECT_TRUE(ValidatePartialTime(Time(P::PRECISION_DAY, 2200, 12, 31), "t").ok());
  EXPECT_TRUE(ValidatePartialTime(Time(P::PRECISION_YEAR, 2010, 0), "t").ok());
}

TEST(ValidatePartialTimeTest, FinerFieldsThanThePrecisionAreRejected) {
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_DAY, 2012, 2, 3, 10, 0), "t"),
            Invalid("t: has a time but precision is coarser than minute"));
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_MONTH, 2012, 2, 0, 0, 5), "t"),
            Invalid("t: has a time but precision is coarser than minute"));
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_MONTH, 2012, 2, 3), "t"),
            Invalid("t: has a day but precision is coarser than day"));
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_UNSPECIFIED, 0, 0, 3), "t"),
            Invalid("t: has a day but precision is coarser than day"));
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_UNSPECIFIED, 2012, 0), "t"),
            Invalid("t: has a date but no precision"));
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_UNSPECIFIED, 0, 5), "t"),
            Invalid("t: has a date but no precision"));
  // PRECISION_YEAR (wire number 4) is coarser than MONTH (1).
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_YEAR, 2010, 7), "t"),
            Invalid("t: has a month but precision is coarser than month"));
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_YEAR, 2010, 0, 3), "t"),
            Invalid("t: has a day but precision is coarser than day"));
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_YEAR, 2010, 0, 0, 9, 0), "t"),
            Invalid("t: has a time but precision is coarser than minute"));
}

TEST(ValidatePartialTimeTest, UnknownPrecision) {
  P t;
  t.set_precision(static_cast<P::Precision>(9));
  EXPECT_EQ(ValidatePartialTime(t, "entry.occur_time"),
            Invalid("entry.occur_time: unknown precision"));
}

TEST(ValidatePartialTimeTest, Ranges) {
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_MONTH, 1899, 12), "t"),
            Invalid("t: year out of range 1900-2200"));
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_MONTH, 2201, 1), "t"),
            Invalid("t: year out of range 1900-2200"));
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_MONTH, 2012, 0), "t"),
            Invalid("t: month out of range 1-12"));
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_MONTH, 2012, 13), "t"),
            Invalid("t: month out of range 1-12"));
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_MINUTE, 2012, 1, 1, 24, 0), "t"),
            Invalid("t: time out of range 00:00-23:59"));
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_MINUTE, 2012, 1, 1, 23, 60), "t"),
            Invalid("t: time out of range 00:00-23:59"));
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_MINUTE, 2012, 1, 1, -1, 0), "t"),
            Invalid("t: time out of range 00:00-23:59"));
}

TEST(ValidatePartialTimeTest, DaysOfTheMonth) {
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_DAY, 2012, 2, 30), "entry.occur_time"),
            Invalid("entry.occur_time: 2012-02 has no day 30"));
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_DAY, 2011, 2, 29), "t"),
            Invalid("t: 2011-02 has no day 29"));
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_DAY, 1900, 2, 29), "t"),
            Invalid("t: 1900-02 has no day 29"));  // not a leap year
  EXPECT_TRUE(ValidatePartialTime(Time(P::PRECISION_DAY, 2000, 2, 29), "t").ok());
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_DAY, 2012, 4, 31), "t"),
            Invalid("t: 2012-04 has no day 31"));
  EXPECT_TRUE(ValidatePartialTime(Time(P::PRECISION_DAY, 2012, 12, 31), "t").ok());
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_DAY, 2012, 3, 0), "t"),
            Invalid("t: 2012-03 has no day 0"));
  EXPECT_EQ(ValidatePartialTime(Time(P::PRECISION_MINUTE, 2012, 6, 31, 9, 0), "t"),
            Invalid("t: 2012-06 has no day 31"));
}

TEST(ValidateRequestIdTest, BoundedAndFreeOfNul) {
  EXPECT_TRUE(ValidateRequestId("", "request_id").ok());
  EXPECT_TRUE(ValidateRequestId(std::string(128, 'r'), "request_id").ok());
  EXPECT_EQ(ValidateRequestId(std::string(129, 'r'), "request_id"),
            Invalid("request_id: is longer than 128 bytes"));
  EXPECT_EQ(ValidateRequestId(std::string("a\0b", 3), "request_id"),
            Invalid("request_id: control character U+0000 at byte 1"));
  EXPECT_EQ(ValidateRequestId("req\x1b[2J", "request_id"),
            Invalid("request_id: control character U+001B at byte 3"));
}

v1::CreateCaseRequest GoodCase() {
  v1::CreateCaseRequest request;
  request.mutable_case_()->set_title("Ellie WATSON (03/04/2008)");
  request.mutable_case_()->add_legacy_refs("CR/12/0001");
  v1::Subject* s = request.mutable_case_()->add_subjects();
  s->set_display_name("Ellie WATSON");
  s->set_forename("Ellie");
  s->set_surname("WATSON");
  *s->mutable_date_of_birth() = Time(P::PRECISION_DAY, 2008, 4, 3);
  request.set_case_id("PVP-1");
  request.set_request_id("req-1");
  return request;
}

TEST(ValidateCreateCaseTest, AcceptsAGoodRequest) {
  EXPECT_TRUE(ValidateCreateCase(GoodCase()).ok());
  v1::CreateCaseRequest minimal;
  minimal.mutable_case_()->set_title("t");
  EXPECT_TRUE(ValidateCreateCase(minimal).ok());
}

TEST(ValidateCreateCaseTest, NamesTheOffendingField) {
  EXPECT_EQ(ValidateCreateCase(v1::CreateCaseRequest()), Invalid("case: is required"));

  v1::CreateCaseRequest r = GoodCase();
  r.mutable_case_()->clear_title();
  EXPECT_EQ(ValidateCreateCase(r), Invalid("case.title: is required"));
  r = GoodCase();
  r.mutable_case_()->set_title(std::string(kMaxShortFieldBytes + 1, 't'));
  EXPECT_EQ(ValidateCreateCase(r), Invalid("case.title: is longer than 512 bytes"));
  r.mutable_case_()->set_title(std::string(kMaxShortFieldBytes, 't'));
  EXPECT_TRUE(ValidateCreateCase(r).ok());
  r.mutable_case_()->set_title(std::string("a\0b", 3));
  EXPECT_EQ(ValidateCreateCase(r), Invalid("case.title: control character U+0000 at byte 1"));
  r.mutable_case_()->set_title(" \t ");
  EXPECT_EQ(ValidateCreateCase(r), Invalid("case.title: is required"));
  r.mutable_case_()->set_title("Ellie\x1b[31m WATSON");
  EXPECT_EQ(ValidateCreateCase(r), Invalid("case.title: control character U+001B at byte 5"));
  r.mutable_case_()->set_title("Ellie\nWATSON");
  EXPECT_EQ(ValidateCreateCase(r), Invalid("case.title: control character U+000A at byte 5"));
  r.mutable_case_()->set_title("Ellie \xff");
  EXPECT_EQ(ValidateCreateCase(r), Invalid("case.title: not valid UTF-8 at byte 6"));

  r = GoodCase();
  r.mutable_case_()->add_legacy_refs("");
  EXPECT_EQ(ValidateCreateCase(r), Invalid("case.legacy_refs[1]: is required"));
  r.mutable_case_()->set_legacy_refs(1, std::string("CR\0", 3));
  EXPECT_EQ(ValidateCreateCase(r),
            Invalid("case.legacy_refs[1]: control character U+0000 at byte 2"));
  r.mutable_case_()->set_legacy_refs(1, "  ");
  EXPECT_EQ(ValidateCreateCase(r), Invalid("case.legacy_refs[1]: is required"));
  r.mutable_case_()->set_legacy_refs(1, std::string(kMaxIndexedFieldBytes + 1, 'R'));
  EXPECT_EQ(ValidateCreateCase(r), Invalid("case.legacy_refs[1]: is longer than 256 bytes"));

  r = GoodCase();
  r.mutable_case_()->add_subjects()->set_forename("Ellie");
  EXPECT_EQ(ValidateCreateCase(r), Invalid("case.subjects[1]: needs display_name or surname"));
  r.mutable_case_()->mutable_subjects(1)->set_surname("Smith");
  EXPECT_TRUE(ValidateCreateCase(r).ok());
  r.mutable_case_()->mutable_subjects(1)->set_forename(std::string(kMaxIndexedFieldBytes + 1, 'f'));
  EXPECT_EQ(ValidateCreateCase(r), Invalid("case.subjects[1].forename: is longer than 256 bytes"));
  r = GoodCase();
  r.mutable_case_()->mutable_subjects(0)->set_display_name(std::string("E\0", 2));
  EXPECT_EQ(ValidateCreateCase(r),
            Invalid("case.subjects[0].display_name: control character U+0000 at byte 1"));
  r.mutable_case_()->mutable_subjects(0)->set_display_name("Ellie\r");
  EXPECT_EQ(ValidateCreateCase(r),
            Invalid("case.subjects[0].display_name: control character U+000D at byte 5"));
  r = GoodCase();
  r.mutable_case_()->mutable_subjects(0)->set_display_name(" ");
  r.mutable_case_()->mutable_subjects(0)->set_surname("");
  EXPECT_EQ(ValidateCreateCase(r), Invalid("case.subjects[0]: needs display_name or surname"));
  r = GoodCase();
  r.mutable_case_()->mutable_subjects(0)->set_surname(std::string(kMaxIndexedFieldBytes + 1, 's'));
  EXPECT_EQ(ValidateCreateCase(r), Invalid("case.subjects[0].surname: is longer than 256 bytes"));
  r = GoodCase();
  r.mutable_case_()->mutable_subjects(0)->mutable_date_of_birth()->set_day(31);
  r.mutable_case_()->mutable_subjects(0)->mutable_date_of_birth()->set_month(4);
  EXPECT_EQ(ValidateCreateCase(r), Invalid("case.subjects[0].date_of_birth: 2008-04 has no day 31"));

  r = GoodCase();
  r.set_case_id("PVP/1");
  EXPECT_EQ(ValidateCreateCase(r),
            Invalid("case_id: case id must be 1-63 upper-case letters, digits or '-', starting "
                    "with a letter"));
  r.set_case_id("pvp-1");
  EXPECT_EQ(ValidateCreateCase(r),
            Invalid("case_id: case id must be 1-63 upper-case letters, digits or '-', starting "
                    "with a letter (did you mean PVP-1?)"));
  r = GoodCase();
  r.set_request_id(std::string(129, 'r'));
  EXPECT_EQ(ValidateCreateCase(r), Invalid("request_id: is longer than 128 bytes"));
}

v1::Entry GoodEntry() {
  v1::Entry e;
  e.set_kind(v1::ENTRY_KIND_VISIT);
  e.set_text("Home visit; Ellie seen alone.");
  *e.mutable_occur_time() = Time(P::PRECISION_MINUTE, 2012, 11, 12, 14, 30);
  e.add_subjects()->set_display_name("Ellie WATSON");
  e.add_legacy_refs("CR/12/0001");
  return e;
}

TEST(ValidateNewEntryTest, AcceptsAGoodEntry) {
  EXPECT_TRUE(ValidateNewEntry(GoodEntry(), "entry").ok());
  v1::Entry e = GoodEntry();
  e.set_text(std::string(kMaxTextBytes, 'x'));
  EXPECT_TRUE(ValidateNewEntry(e, "entry").ok());
}

TEST(ValidateNewEntryTest, NamesTheOffendingField) {
  v1::Entry e = GoodEntry();
  e.set_kind(v1::ENTRY_KIND_UNSPECIFIED);
  EXPECT_EQ(ValidateNewEntry(e, "entry"),
            Invalid("entry.kind: is required (e.g. ENTRY_KIND_VISIT)"));
  e.set_kind(static_cast<v1::EntryKind>(999));
  EXPECT_EQ(ValidateNewEntry(e, "entry"),
            Invalid("entry.kind: is required (e.g. ENTRY_KIND_VISIT)"));
  e.set_kind(v1::ENTRY_KIND_CORRECTION);
  EXPECT_EQ(ValidateNewEntry(e, "entry"),
            Invalid("entry.kind: corrections are made with CorrectEntry"));

  e = GoodEntry();
  e.set_text("");
  EXPECT_EQ(ValidateNewEntry(e, "entry"), Invalid("entry.text: is required"));
  e.set_text(" \t\r\n ");
  EXPECT_EQ(ValidateNewEntry(e, "entry"), Invalid("entry.text: is required"));
  e.set_text(std::string(kMaxTextBytes + 1, 'x'));
  EXPECT_EQ(ValidateNewEntry(e, "entry"), Invalid("entry.text: 262145 bytes exceeds the limit of 262144 bytes"));

  e = GoodEntry();
  *e.mutable_occur_time() = Time(P::PRECISION_DAY, 2012, 2, 30);
  EXPECT_EQ(ValidateNewEntry(e, "entry"), Invalid("entry.occur_time: 2012-02 has no day 30"));

  e = GoodEntry();
  e.mutable_subjects(0)->clear_display_name();
  EXPECT_EQ(ValidateNewEntry(e, "entry"),
            Invalid("entry.subjects[0]: needs display_name or surname"));

  e = GoodEntry();
  e.add_legacy_refs("");
  EXPECT_EQ(ValidateNewEntry(e, "entry"), Invalid("entry.legacy_refs[1]: is required"));

  e = GoodEntry();
  e.set_text("Seen at home.\n\tMother present.");
  EXPECT_TRUE(ValidateNewEntry(e, "entry").ok());
  e.set_text("Seen at home.\x1b]0;owned\x07");
  EXPECT_EQ(ValidateNewEntry(e, "entry"),
            Invalid("entry.text: control character U+001B at byte 13"));
  e.set_text("Seen \xc3(");
  EXPECT_EQ(ValidateNewEntry(e, "entry"), Invalid("entry.text: not valid UTF-8 at byte 5"));

  e = GoodEntry();
  e.set_legacy_refs(0, "CR/12\n0001");
  EXPECT_EQ(ValidateNewEntry(e, "entry"),
            Invalid("entry.legacy_refs[0]: control character U+000A at byte 5"));

  e = GoodEntry();
  e.mutable_subjects(0)->set_person("persons/P-000001");
  EXPECT_EQ(ValidateNewEntry(e, "entry"),
            Invalid("entry.subjects[0].person: set only by the person index"));

  // Only imports say where an entry came from.
  e = GoodEntry();
  e.add_sources()->set_locator("crime.csv#row=2");
  EXPECT_EQ(ValidateNewEntry(e, "entry"), Invalid("entry.sources: set only by imports"));

  // The field path is the caller's.
  e.set_kind(v1::ENTRY_KIND_UNSPECIFIED);
  EXPECT_EQ(ValidateNewEntry(e, "entries[3]"),
            Invalid("entries[3].kind: is required (e.g. ENTRY_KIND_VISIT)"));
}

v1::CorrectEntryRequest GoodCorrection() {
  v1::CorrectEntryRequest r;
  r.set_name("cases/A/entries/1");
  r.set_text("Corrected text");
  r.set_reason("address was wrong");
  return r;
}

TEST(ValidateCorrectionTest, NamesTheOffendingField) {
  EXPECT_TRUE(ValidateCorrection(GoodCorrection()).ok());
  v1::CorrectEntryRequest r = GoodCorrection();
  r.set_text("\n");
  EXPECT_EQ(ValidateCorrection(r), Invalid("text: is required"));
  r = GoodCorrection();
  r.clear_reason();
  EXPECT_EQ(ValidateCorrection(r), Invalid("reason: is required"));
  r.set_reason(std::string(kMaxShortFieldBytes + 1, 'r'));
  EXPECT_EQ(ValidateCorrection(r), Invalid("reason: is longer than 512 bytes"));
  r = GoodCorrection();
  *r.mutable_occur_time() = Time(P::PRECISION_MONTH, 2012, 13);
  EXPECT_EQ(ValidateCorrection(r), Invalid("occur_time: month out of range 1-12"));
  r = GoodCorrection();
  r.set_request_id(std::string("\0", 1));
  EXPECT_EQ(ValidateCorrection(r), Invalid("request_id: control character U+0000 at byte 0"));
  r = GoodCorrection();
  r.set_text("line one\n\tline two");
  EXPECT_TRUE(ValidateCorrection(r).ok());
  r.set_text("line one\r\nline two");
  EXPECT_EQ(ValidateCorrection(r), Invalid("text: control character U+000D at byte 8"));
  r = GoodCorrection();
  r.set_reason("typo\tfixed");
  EXPECT_EQ(ValidateCorrection(r), Invalid("reason: control character U+0009 at byte 4"));
  r = GoodCorrection();
  r.set_expected_version(-1);
  EXPECT_EQ(ValidateCorrection(r),
            Invalid("expected_version: must not be negative (versions start at 0)"));
  r.set_expected_version(0);
  EXPECT_TRUE(ValidateCorrection(r).ok());
}

TEST(ValidateAppendTest, ExpectedVersionIsNeverNegative) {
  v1::AppendEntryRequest r;
  *r.mutable_entry() = GoodEntry();
  EXPECT_TRUE(ValidateAppend(r).ok());
  r.set_expected_version(0);
  EXPECT_TRUE(ValidateAppend(r).ok());
  r.set_expected_version(-1);
  EXPECT_EQ(ValidateAppend(r),
            Invalid("expected_version: must not be negative (versions start at 0)"));
  r.set_request_id("a\tb");
  EXPECT_EQ(ValidateAppend(r), Invalid("request_id: control character U+0009 at byte 1"));
  r.mutable_entry()->clear_text();
  EXPECT_EQ(ValidateAppend(r), Invalid("entry.text: is required"));
}

TEST(ValidateTextCharsTest, AcceptsPrintableUnicode) {
  for (const char* good : {"", "plain ASCII ~", "Zoë Ní Bhriain", "Łódź", "日本語", "emoji 🙂",
                           "\xef\xbf\xbd", "\xf4\x8f\xbf\xbf" /* U+10FFFF */,
                           "\xc2\xa0" /* U+00A0, just past C1 */}) {
    EXPECT_TRUE(ValidateTextChars(good, "f").ok()) << good;
  }
  EXPECT_TRUE(ValidateTextChars("a\tb\nc", "f", TextLayout::kMultiline).ok());
  EXPECT_TRUE(ValidateTextChars("\x1b[2J\r\xc2\x9b", "f", TextLayout::kAny).ok());
  EXPECT_EQ(ValidateTextChars("\x1b\xff", "f", TextLayout::kAny),
            Invalid("f: not valid UTF-8 at byte 1"));
}

TEST(ValidateTextCharsTest, RefusesControlCharactersWithTheirPosition) {
  EXPECT_EQ(ValidateTextChars("a\tb", "f"), Invalid("f: control character U+0009 at byte 1"));
  EXPECT_EQ(ValidateTextChars("ab\n", "f"), Invalid("f: control character U+000A at byte 2"));
  EXPECT_EQ(ValidateTextChars("\x7f", "f", TextLayout::kMultiline),
            Invalid("f: control character U+007F at byte 0"));
  EXPECT_EQ(ValidateTextChars("\r\n", "f", TextLayout::kMultiline),
            Invalid("f: control character U+000D at byte 0"));
  EXPECT_EQ(ValidateTextChars("x\x08", "f", TextLayout::kMultiline),
            Invalid("f: control character U+0008 at byte 1"));
  // C1: U+009B is CSI, an escape sequence's start in one character.
  EXPECT_EQ(ValidateTextChars("é\xc2\x9b" "2J", "f", TextLayout::kMultiline),
            Invalid("f: control character U+009B at byte 2"));
  EXPECT_EQ(ValidateTextChars("\xc2\x80", "f"), Invalid("f: control character U+0080 at byte 0"));
}

TEST(ValidateTextCharsTest, RefusesInvalidUtf8WithItsPosition) {
  for (const auto& [bad, at] : std::vector<std::pair<std::string, int>>{
           {"\xff", 0},
           {"ab\x80", 2},                  // a lone continuation byte
           {"ab\xc3", 2},                  // truncated
           {"ab\xe6\x97", 2},              // truncated
           {"\xc0\xaf", 0},                // overlong '/'
           {"\xe0\x80\xaf", 0},            // overlong
           {"\xed\xa0\x80", 0},            // a surrogate
           {"\xf4\x90\x80\x80", 0},        // past U+10FFFF
           {"ok \xf8\x88\x80\x80\x80", 3},  // five bytes
       }) {
    EXPECT_EQ(ValidateTextChars(bad, "entry.text", TextLayout::kMultiline),
              Invalid(absl::StrCat("entry.text: not valid UTF-8 at byte ", at)))
        << absl::CEscape(bad);
  }
}

TEST(ValidatePurposeTest, RequiredAndBounded) {
  EXPECT_TRUE(ValidatePurpose("strategy discussion", "purpose").ok());
  const absl::Status required =
      Invalid("purpose: is required: say why you are looking at this case file");
  EXPECT_EQ(ValidatePurpose("", "purpose"), required);
  EXPECT_EQ(ValidatePurpose(" \t\n", "purpose"), required);
  EXPECT_EQ(ValidatePurpose(std::string(kMaxShortFieldBytes + 1, 'p'), "purpose"),
            Invalid("purpose: is longer than 512 bytes"));
  EXPECT_EQ(ValidatePurpose(std::string("why\0", 4), "purpose"),
            Invalid("purpose: control character U+0000 at byte 3"));
}

TEST(ValidateListFiltersTest, FiltersFitTheIndex) {
  v1::ListCasesRequest r;
  EXPECT_TRUE(ValidateListFilters(r).ok());
  r.set_legacy_ref(std::string(kMaxIndexedFieldBytes, 'R'));
  r.set_subject(std::string(kMaxIndexedFieldBytes, 's'));
  EXPECT_TRUE(ValidateListFilters(r).ok());
  r.set_legacy_ref(std::string(kMaxIndexedFieldBytes + 1, 'R'));
  EXPECT_EQ(ValidateListFilters(r), Invalid("legacy_ref: is longer than 256 bytes"));
  r.set_legacy_ref("CR/1");
  r.set_subject(std::string(kMaxIndexedFieldBytes + 1, 's'));
  EXPECT_EQ(ValidateListFilters(r), Invalid("subject: is longer than 256 bytes"));
}

}  // namespace
}  // namespace casefile
