// The security suite: input that could hurt the store or mislead a reader,
// and refusals that must leave a trace, each tried against the real casefiled
// as a careless or hostile client would (issue 9, part 6).
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <thread>

#include <grpcpp/generic/generic_stub.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/notification.h"
#include "client/server_child.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"

namespace casefile::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// One length-delimited protobuf field, written by hand so that its bytes can
// be what no protobuf library would send (text that is not UTF-8).
std::string Field(int number, const std::string& bytes) {
  std::string out;
  auto varint = [&out](uint64_t v) {
    for (; v >= 0x80; v >>= 7) out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    out.push_back(static_cast<char>(v));
  };
  varint((static_cast<uint64_t>(number) << 3) | 2);
  varint(bytes.size());
  return out + bytes;
}

std::string Varint(int number, uint64_t value) {
  std::string out(1, static_cast<char>(number << 3));
  for (; value >= 0x80; value >>= 7) out.push_back(static_cast<char>((value & 0x7f) | 0x80));
  out.push_back(static_cast<char>(value));
  return out;
}

class SecurityE2eTest : public CasefiledTest {
 protected:
  v1::Case MakeCase(const std::string& case_id) {
    return CreateCase(NewCase("Security test case", case_id));
  }

  // A visit entry of `text`.
  static v1::AppendEntryRequest NewEntry(const std::string& parent, const std::string& text,
                                         const std::string& request_id = "") {
    v1::AppendEntryRequest request;
    request.set_parent(parent);
    request.mutable_entry()->set_kind(v1::ENTRY_KIND_VISIT);
    request.mutable_entry()->set_text(text);
    request.set_request_id(request_id);
    return request;
  }

  grpc::Status Correct(const v1::CorrectEntryRequest& request, v1::Entry* out = nullptr) {
    v1::Entry ignored;
    return cases_->CorrectEntry(Context(kInvestigatorToken).get(), request, out ? out : &ignored);
  }
  static v1::CorrectEntryRequest NewCorrection(const std::string& name, const std::string& text,
                                               const std::string& request_id = "") {
    v1::CorrectEntryRequest request;
    request.set_name(name);
    request.set_text(text);
    request.set_reason("address was wrong");
    request.set_request_id(request_id);
    return request;
  }

  // The case file's entries as GetCaseFile streams them.
  std::vector<v1::Entry> Entries(const std::string& name) {
    CaseFile file = ReadCaseFile(*cases_, name, "security test");
    EXPECT_TRUE(file.status.ok()) << file.status.error_message();
    return std::move(file.entries);
  }

  // A unary call with hand-made request bytes.
  grpc::Status RawCall(const std::string& method, const std::string& bytes) {
    grpc::GenericStub generic(server_->channel());
    grpc::Slice slice(bytes);
    grpc::ByteBuffer request(&slice, 1);
    grpc::ByteBuffer response;
    auto context = Context(kInvestigatorToken);
    absl::Notification done;
    grpc::Status status;
    generic.UnaryCall(context.get(), method, grpc::StubOptions(), &request, &response,
                      [&](grpc::Status s) {
                        status = std::move(s);
                        done.Notify();
                      });
    done.WaitForNotification();
    return status;
  }
};

void ExpectInvalid(const grpc::Status& status, const std::string& message) {
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << status.error_message();
  EXPECT_EQ(status.error_message(), message);
}

// Only imports say which legacy records an entry came from.
TEST_F(SecurityE2eTest, SourcesOnAnAppendAreRefused) {
  v1::Case c = MakeCase("SRC-1");
  v1::AppendEntryRequest forged = NewEntry(c.name(), "Looks like a migrated record");
  v1::Source* source = forged.mutable_entry()->add_sources();
  source->set_locator("crime/export.csv#row=12");
  source->set_import("imports/IMP-1");
  ExpectInvalid(TryAppend(forged), "entry.sources: set only by imports");
  // Nor does a client link a subject to a person record.
  v1::AppendEntryRequest linked = NewEntry(c.name(), "Names a person");
  v1::Subject* subject = linked.mutable_entry()->add_subjects();
  subject->set_display_name("Ellie WATSON");
  subject->set_person("persons/P-000001");
  ExpectInvalid(TryAppend(linked), "entry.subjects[0].person: set only by the person index");
  EXPECT_TRUE(Entries(c.name()).empty());
}

// AIP-155: a request id names one request; never the other request's result.
TEST_F(SecurityE2eTest, RequestIdReusedWithADifferentPayloadIsRefused) {
  const std::string reused_for = "request_id: already used for a different request, which made ";
  const std::string rest = "; a retry must repeat its request exactly, and a new request needs a new id";
  v1::Case c;
  ASSERT_TRUE(TryCreateCase(NewCase("First case", "", "create-1"), &c).ok());
  ExpectInvalid(TryCreateCase(NewCase("Another case", "", "create-1")), reused_for + c.name() + rest);
  v1::Case again;
  ASSERT_TRUE(TryCreateCase(NewCase("First case", "", "create-1"), &again).ok());
  EXPECT_EQ(again.SerializeAsString(), c.SerializeAsString());

  v1::Entry first;
  ASSERT_TRUE(TryAppend(NewEntry(c.name(), "Visited 12 High St", "append-1"), &first).ok());
  ExpectInvalid(TryAppend(NewEntry(c.name(), "Visited 99 Low Rd", "append-1")),
                reused_for + first.name() + rest);
  v1::Entry retry;
  ASSERT_TRUE(TryAppend(NewEntry(c.name(), "Visited 12 High St", "append-1"), &retry).ok());
  EXPECT_EQ(retry.SerializeAsString(), first.SerializeAsString());

  v1::Entry fix;
  ASSERT_TRUE(Correct(NewCorrection(first.name(), "Visited 14 High St", "fix-1"), &fix).ok());
  ExpectInvalid(Correct(NewCorrection(first.name(), "Visited 16 High St", "fix-1")),
                reused_for + fix.name() + rest);
  v1::Entry fix_retry;
  ASSERT_TRUE(Correct(NewCorrection(first.name(), "Visited 14 High St", "fix-1"), &fix_retry).ok());
  EXPECT_EQ(fix_retry.SerializeAsString(), fix.SerializeAsString());

  std::vector<v1::Entry> entries = Entries(c.name());
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].text(), "Visited 12 High St");
  EXPECT_EQ(entries[1].text(), "Visited 14 High St");
}

TEST_F(SecurityE2eTest, NegativeExpectedVersionIsInvalidArgument) {
  v1::Case c = MakeCase("VER-1");
  const std::string negative = "expected_version: must not be negative (versions start at 0)";
  v1::AppendEntryRequest append = NewEntry(c.name(), "text");
  append.set_expected_version(-1);
  ExpectInvalid(TryAppend(append), negative);
  v1::Entry e;
  ASSERT_TRUE(TryAppend(NewEntry(c.name(), "text"), &e).ok());
  v1::CorrectEntryRequest correct = NewCorrection(e.name(), "fixed");
  correct.set_expected_version(-5);
  ExpectInvalid(Correct(correct), negative);
  EXPECT_EQ(Entries(c.name()).size(), 1u);
}

// proto3 refuses such strings while parsing; the answer still names the field.
TEST_F(SecurityE2eTest, TextThatIsNotUtf8IsRefusedNamingTheField) {
  ExpectInvalid(RawCall("/casefile.v1.CaseService/CreateCase",
                        Field(1, Field(2, "Ellie \xff WATSON"))),
                "case.title: not valid UTF-8 at byte 6");
  v1::Case c = MakeCase("UTF-1");
  const std::string entry = Varint(3, v1::ENTRY_KIND_VISIT) + Field(8, "Seen \xc3(");
  ExpectInvalid(RawCall("/casefile.v1.CaseService/AppendEntry",
                        Field(1, c.name()) + Field(2, entry)),
                "entry.text: not valid UTF-8 at byte 5");
  const std::string subject = Field(1, "ok") + Field(3, "WAT\xed\xa0\x80SON");
  ExpectInvalid(RawCall("/casefile.v1.CaseService/AppendEntry",
                        Field(1, c.name()) + Field(2, Field(8, "text") + Field(9, "") +
                                                          Field(9, subject))),
                "entry.subjects[1].surname: not valid UTF-8 at byte 3");
  ExpectInvalid(RawCall("/casefile.v1.CaseService/GetCaseFile",
                        Field(1, c.name()) + Field(2, "why \xc0\xaf")),
                "purpose: not valid UTF-8 at byte 4");
  // Services with generated handlers: grpc++ parses before any of our code
  // runs, so the answer names the message rather than the field.
  ExpectInvalid(RawCall("/casefile.v1.PersonService/SearchPersons", Field(1, "WATSON \xff")),
                "request: not a valid casefile.v1.SearchPersonsRequest message; every text "
                "field must be valid UTF-8");
  EXPECT_TRUE(Entries(c.name()).empty());
}

// Nothing stored can move a terminal's cursor, recolour it or forge a line.
TEST_F(SecurityE2eTest, ControlCharactersAreRefusedNamingFieldAndPosition) {
  ExpectInvalid(TryCreateCase(NewCase("Ellie\x1b[2J WATSON")),
                "case.title: control character U+001B at byte 5");
  ExpectInvalid(TryCreateCase(NewCase("Ellie\nWATSON")), "case.title: control character U+000A at byte 5");
  v1::CreateCaseRequest ref = NewCase("Refs");
  ref.mutable_case_()->add_legacy_refs("22/45871/12\r");
  ExpectInvalid(TryCreateCase(ref), "case.legacy_refs[0]: control character U+000D at byte 11");
  v1::CreateCaseRequest name = NewCase("Names");
  name.mutable_case_()->add_subjects()->set_display_name("Ellie \xc2\x9b" "31m");
  ExpectInvalid(TryCreateCase(name), "case.subjects[0].display_name: control character U+009B at byte 6");

  v1::Case c = MakeCase("CTL-1");
  ExpectInvalid(TryAppend(NewEntry(c.name(), "Seen.\x1b]0;forged title\x07")),
                "entry.text: control character U+001B at byte 5");
  ExpectInvalid(TryAppend(NewEntry(c.name(), "Seen.\b\b\b\bNot seen.")),
                "entry.text: control character U+0008 at byte 5");
  // Entry text keeps its lines and tabs.
  v1::Entry e;
  ASSERT_TRUE(TryAppend(NewEntry(c.name(), "Seen at home.\n\tMother present."), &e).ok());
  ExpectInvalid(Correct(NewCorrection(e.name(), "fixed\x7f")),
                "text: control character U+007F at byte 5");
  v1::CorrectEntryRequest reason = NewCorrection(e.name(), "fixed");
  reason.set_reason("typo\nINFO forged log line");
  ExpectInvalid(Correct(reason), "reason: control character U+000A at byte 4");

  v1::GetCaseFileRequest look;
  look.set_name(c.name());
  look.set_purpose("review\x1b[8m");
  auto context = Context(kInvestigatorToken);
  auto reader = cases_->GetCaseFile(context.get(), look);
  v1::GetCaseFileResponse chunk;
  while (reader->Read(&chunk)) {
  }
  ExpectInvalid(reader->Finish(), "purpose: control character U+001B at byte 6");

  std::vector<v1::Entry> entries = Entries(c.name());
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].text(), "Seen at home.\n\tMother present.");
}

TEST_F(SecurityE2eTest, CaseIdsAreCheckedAndCanonical) {
  const std::string rule =
      "case_id: case id must be 1-63 upper-case letters, digits or '-', starting with a letter";
  ExpectInvalid(TryCreateCase(NewCase("Lower case", "cf-000001")),
                rule + " (did you mean CF-000001?)");
  for (const std::string& bad : {std::string("-"), std::string("-rf"), std::string("A B"),
                                 std::string("A/B"), std::string("../A"), std::string("A\0B", 3),
                                 std::string(64, 'A'), std::string("1-A")}) {
    ExpectInvalid(TryCreateCase(NewCase("Bad id", bad)), rule);
  }
  ExpectInvalid(TryCreateCase(NewCase("   ")), "case.title: is required");
  // Ids the service and the importers make stay valid.
  v1::Case c;
  ASSERT_TRUE(TryCreateCase(NewCase("Generated"), &c).ok());
  EXPECT_EQ(c.name(), "cases/CF-000001");
  for (const std::string& good :
       {std::string("HFD-PVP-000123"), std::string("LEG-22-45871-12"), std::string(63, 'X')}) {
    EXPECT_TRUE(TryCreateCase(NewCase("Good id", good)).ok()) << good;
  }
  // Lookups take one spelling too.
  v1::GetCaseRequest get;
  get.set_name("cases/cf-000001");
  v1::Case got;
  grpc::Status status = cases_->GetCase(Context(kInvestigatorToken).get(), get, &got);
  ExpectInvalid(status, "name: case id must be 1-63 upper-case letters, digits or '-', starting "
                        "with a letter (did you mean CF-000001?)");
}

// Refusals leave a line in the server log: who, in what role, which RPC,
// which code. Never the token, never case text.
TEST_F(SecurityE2eTest, RefusalsAreLoggedWithoutTokensOrCaseText) {
  v1::Case c = MakeCase("LOG-1");
  const std::string secret_text = "SECRET-CASE-TEXT-disclosure";
  EXPECT_EQ(TryAppend(NewEntry(c.name(), secret_text), nullptr, kOutOfHoursToken).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  const std::string bad_token = "BAD-TOKEN-4f1c9a7e33d2";
  EXPECT_EQ(TryAppend(NewEntry(c.name(), secret_text), nullptr, bad_token).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(TryAppend(NewEntry(c.name(), secret_text), nullptr, "").error_code(),
            grpc::StatusCode::UNAUTHENTICATED);
  v1::AppendEntryRequest invalid = NewEntry(c.name(), secret_text + "\x1b");
  EXPECT_EQ(TryAppend(invalid).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(RawCall("/casefile.v1.PersonService/SearchPersons", Field(1, "\xff")).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);

  const std::string log = server_->Log();
  std::vector<std::string> refused;
  for (absl::string_view line : absl::StrSplit(log, '\n')) {
    if (!absl::StrContains(line, " casefiled: refused ")) continue;
    line.remove_prefix(line.find("refused"));
    // The client's address ends each line.
    const size_t peer = line.find(", peer ipv4:127.0.0.1:");
    EXPECT_NE(peer, absl::string_view::npos) << line;
    EXPECT_TRUE(absl::EndsWith(line, ")")) << line;
    refused.emplace_back(line.substr(0, peer));
  }
  EXPECT_THAT(refused,
              ::testing::ElementsAre(
                  "refused casefile.v1.CaseService/AppendEntry: PERMISSION_DENIED (user ooh1, role out_of_hours",
                  "refused casefile.v1.CaseService/AppendEntry: UNAUTHENTICATED (user unknown, role unknown",
                  "refused casefile.v1.CaseService/AppendEntry: UNAUTHENTICATED (user unknown, role unknown",
                  "refused casefile.v1.CaseService/AppendEntry: INVALID_ARGUMENT (user inv1, role investigator",
                  "refused casefile.v1.PersonService/SearchPersons: INVALID_ARGUMENT (user inv1, role investigator"))
      << log;
  EXPECT_THAT(log, Not(HasSubstr(bad_token)));
  EXPECT_THAT(log, Not(HasSubstr("SECRET")));
  EXPECT_THAT(log, Not(HasSubstr(kInvestigatorToken)));
  EXPECT_THAT(log, Not(HasSubstr(kOutOfHoursToken)));
}

// casefiled runs `argv` to its exit (at most 30 s) with its output in `log`.
int RunToExit(std::vector<std::string> argv, const std::string& log) {
  const pid_t pid = fork();
  if (pid == 0) {
    if (std::freopen(log.c_str(), "w", stderr) == nullptr) _exit(126);
    dup2(fileno(stderr), STDOUT_FILENO);
    std::vector<char*> args;
    for (std::string& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  for (int i = 0; i < 3000; ++i) {
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  return -2;  // still serving: the file was accepted
}

TEST(SecurityE2eStartupTest, TokensFileOthersCanReadIsRefusedWithTheFix) {
  TempDir dir;
  const std::string tokens = dir.path() + "/tokens";
  std::ofstream(tokens) << kInvestigatorToken << " inv1 investigator Investigator One\n";
  ASSERT_EQ(chmod(tokens.c_str(), 0644), 0);
  const std::string log = dir.path() + "/casefiled.log";
  const std::vector<std::string> argv = {CASEFILED_PATH, "--data_dir=" + dir.path() + "/data",
                                         "--tokens_file=" + tokens, "--listen=127.0.0.1:0"};
  EXPECT_EQ(RunToExit(argv, log), 1);
  EXPECT_THAT(client::ReadWholeFile(log),
              HasSubstr(absl::StrCat("tokens file ", tokens, " is open to other users (mode 0644); "
                                     "it holds passwords: run 'chmod 600 ", tokens,
                                     "' and start again")));
  EXPECT_THAT(client::ReadWholeFile(log), Not(HasSubstr(kInvestigatorToken)));
}

}  // namespace
}  // namespace casefile::testing
