// Owners, teams and AssignCase end to end, against the real casefiled: a
// case starts with its creator and the creator's first team; investigators
// of its team and admins give it to another owner or team, an entry of its
// chronology and an audit record, once per request id and only at the
// version the assigner saw; ListCases lists an owner's or a team's cases most
// recently written first.
//
// The callers (tests/support/casefiled_process.h): inv1 of team cait, inv2
// of no team, inv3 of cait and pvp-east.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"

namespace casefile::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class AssignCaseE2eTest : public CasefiledTest {
 protected:
  v1::AssignCaseRequest Assignment(const std::string& name, const std::string& owner, const std::string& team,
                                   const std::string& request_id = "") {
    v1::AssignCaseRequest request;
    request.set_name(name);
    request.set_owner(owner);
    request.set_team(team);
    request.set_reason("handed over at the team meeting");
    request.set_request_id(request_id);
    return request;
  }

  grpc::Status Assign(const v1::AssignCaseRequest& request, const std::string& token, v1::Case* out = nullptr) {
    v1::Case ignored;
    return cases_->AssignCase(Context(token).get(), request, out == nullptr ? &ignored : out);
  }

  void Note(const std::string& name, const std::string& token = kInvestigatorToken) {
    v1::Entry note;
    note.set_kind(v1::ENTRY_KIND_NOTE);
    note.set_text("Called the school");
    Append(name, note, token);
  }

  v1::Case Get(const std::string& name, const std::string& token = kInvestigatorToken) {
    v1::GetCaseRequest get;
    get.set_name(name);
    v1::Case c;
    EXPECT_TRUE(cases_->GetCase(Context(token).get(), get, &c).ok()) << name;
    return c;
  }

  // Every case id of the owner's or team's list, a page of `page_size` at a time.
  std::vector<std::string> Listed(const std::string& owner, const std::string& team, int page_size = 0,
                                  const std::string& token = kInvestigatorToken) {
    std::vector<std::string> ids;
    v1::ListCasesRequest request;
    request.set_owner(owner);
    request.set_team(team);
    request.set_order_by("update_time desc");
    request.set_page_size(page_size);
    for (int pages = 0; pages < 20; ++pages) {
      v1::ListCasesResponse response;
      grpc::Status status = cases_->ListCases(Context(token).get(), request, &response);
      EXPECT_TRUE(status.ok()) << status.error_message();
      if (!status.ok()) break;
      if (page_size > 0) {
        EXPECT_LE(response.cases_size(), page_size);
      }
      for (const v1::Case& c : response.cases()) ids.push_back(c.name().substr(6));
      if (response.next_page_token().empty()) break;
      request.set_page_token(response.next_page_token());
    }
    return ids;
  }

  grpc::Status TryList(const v1::ListCasesRequest& request) {
    v1::ListCasesResponse response;
    return cases_->ListCases(Context(kInvestigatorToken).get(), request, &response);
  }
};

TEST_F(AssignCaseE2eTest, CreateCaseRecordsTheCreatorAndTheirFirstTeam) {
  const v1::Case mine = CreateCase(NewCase("Ellie WATSON", "CF-A1"), kTeamMateToken);
  EXPECT_EQ(mine.owner(), "inv3");
  EXPECT_EQ(mine.team(), "cait");  // the first of cait, pvp-east
  EXPECT_EQ(mine.update_time(), mine.create_time());
  const v1::Case teamless = CreateCase(NewCase("Mark WATSON", "CF-A2"), kSecondInvestigatorToken);
  EXPECT_EQ(teamless.owner(), "inv2");
  EXPECT_EQ(teamless.team(), "");
  // Owner and team are output only: a client's are not taken.
  v1::CreateCaseRequest claimed = NewCase("Zed PAYNE", "CF-A3");
  claimed.mutable_case_()->set_owner("inv2");
  claimed.mutable_case_()->set_team("pvp-east");
  claimed.mutable_case_()->mutable_update_time()->set_seconds(4102444800);  // 2100
  const v1::Case made = CreateCase(claimed);
  EXPECT_EQ(made.owner(), "inv1");
  EXPECT_EQ(made.team(), "cait");
  EXPECT_EQ(made.update_time(), made.create_time());
  EXPECT_EQ(Get("cases/CF-A1").owner(), "inv3");
  EXPECT_EQ(Get("cases/CF-A1").team(), "cait");
}

TEST_F(AssignCaseE2eTest, AnInvestigatorOfTheTeamAssignsInTheChronologyAndTheAuditTrail) {
  const v1::Case c = CreateCase(NewCase("Ellie WATSON", "CF-B1"));
  Note(c.name());
  v1::AssignCaseRequest request = Assignment(c.name(), "inv3", "pvp-east", "assign-b1");
  request.set_expected_version(1);
  v1::Case assigned;
  ASSERT_TRUE(Assign(request, kTeamMateToken, &assigned).ok());
  EXPECT_EQ(assigned.owner(), "inv3");
  EXPECT_EQ(assigned.team(), "pvp-east");
  EXPECT_EQ(assigned.version(), 2);
  EXPECT_GT(assigned.update_time(), c.update_time());

  const CaseFile file = ReadCaseFile(*cases_, c.name(), "checking the assignment");
  ASSERT_TRUE(file.status.ok());
  EXPECT_EQ(file.c.owner(), "inv3");
  ASSERT_EQ(file.entries.size(), 2u);
  const v1::Entry& entry = file.entries[1];
  EXPECT_EQ(entry.name(), absl::StrCat(c.name(), "/entries/2"));
  EXPECT_EQ(entry.kind(), v1::ENTRY_KIND_ASSIGNMENT);
  EXPECT_EQ(entry.text(), "Assigned to owner inv3, team pvp-east.\nBefore: owner inv1, team cait.");
  EXPECT_EQ(entry.correction_reason(), "handed over at the team meeting");
  EXPECT_EQ(entry.author(), "inv3");
  EXPECT_EQ(entry.record_time(), assigned.update_time());

  v1::ListAuditEventsRequest audit;
  audit.set_kind("AssignCase");
  v1::ListAuditEventsResponse events;
  ASSERT_TRUE(audit_->ListAuditEvents(Context(kAuditorToken).get(), audit, &events).ok());
  ASSERT_EQ(events.audit_events_size(), 1);
  EXPECT_EQ(events.audit_events(0).user(), "inv3");
  EXPECT_EQ(events.audit_events(0).outcome(), "OK");
  EXPECT_THAT(events.audit_events(0).resources(), ElementsAre(c.name()));

  // Only the owner changes when only the owner is given; an admin may assign any case.
  ASSERT_TRUE(Assign(Assignment(c.name(), "inv2", ""), kAdminToken, &assigned).ok());
  EXPECT_EQ(assigned.owner(), "inv2");
  EXPECT_EQ(assigned.team(), "pvp-east");
}

TEST_F(AssignCaseE2eTest, AnotherTeamsInvestigatorIsRefused) {
  const v1::Case c = CreateCase(NewCase("Ellie WATSON", "CF-C1"));
  grpc::Status teamless = Assign(Assignment(c.name(), "inv2", ""), kSecondInvestigatorToken);
  EXPECT_EQ(teamless.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(teamless.error_message(), "only investigators of team cait (the case's) and admins may assign cases/CF-C1");
  ASSERT_TRUE(Assign(Assignment(c.name(), "", "pvp-east"), kInvestigatorToken).ok());
  // inv1 is of cait, and the case is pvp-east's now.
  EXPECT_EQ(Assign(Assignment(c.name(), "inv1", "cait"), kInvestigatorToken).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Assign(Assignment(c.name(), "inv3", ""), kOutOfHoursToken).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Get(c.name()).version(), 1);  // the one assignment
  // A case with no team is for admins to assign.
  const v1::Case teamless_case = CreateCase(NewCase("Mark WATSON", "CF-C2"), kSecondInvestigatorToken);
  grpc::Status own = Assign(Assignment(teamless_case.name(), "", "cait"), kSecondInvestigatorToken);
  EXPECT_EQ(own.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(own.error_message(), "cases/CF-C2 has no team yet: an admin assigns it");
  EXPECT_TRUE(Assign(Assignment(teamless_case.name(), "", "cait"), kAdminToken).ok());
  // A case kept from the caller is not found, as every other write of it.
  v1::CreateCaseRequest restricted = NewCase("Tobias QUENNELL", "CF-C3");
  restricted.mutable_case_()->mutable_restriction()->add_teams("cait");
  CreateCase(restricted);
  grpc::Status hidden = Assign(Assignment("cases/CF-C3", "inv2", ""), kSecondInvestigatorToken);
  EXPECT_EQ(hidden.error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(hidden.error_message(), "cases/CF-C3 not found");
}

TEST_F(AssignCaseE2eTest, AStaleVersionIsAbortedAndWritesNothing) {
  const v1::Case c = CreateCase(NewCase("Ellie WATSON", "CF-D1"));
  v1::AssignCaseRequest request = Assignment(c.name(), "inv3", "");
  request.set_expected_version(0);
  Note(c.name(), kTeamMateToken);  // someone wrote first
  grpc::Status stale = Assign(request, kInvestigatorToken);
  EXPECT_EQ(stale.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(stale.error_message(),
            "cases/CF-D1 is at version 1, not the expected 0: someone else wrote first; re-read and retry");
  const v1::Case after = Get(c.name());
  EXPECT_EQ(after.version(), 1);
  EXPECT_EQ(after.owner(), "inv1");
  request.set_expected_version(1);
  EXPECT_TRUE(Assign(request, kInvestigatorToken).ok());
}

TEST_F(AssignCaseE2eTest, ARetryWithTheSameRequestIdWritesOnce) {
  const v1::Case c = CreateCase(NewCase("Ellie WATSON", "CF-E1"));
  const v1::AssignCaseRequest request = Assignment(c.name(), "inv3", "pvp-east", "assign-e1");
  v1::Case first, second;
  ASSERT_TRUE(Assign(request, kInvestigatorToken, &first).ok());
  // inv1 is no longer of the case's team, yet the retry is answered as the first was.
  ASSERT_TRUE(Assign(request, kInvestigatorToken, &second).ok());
  EXPECT_EQ(first.version(), 1);
  EXPECT_EQ(second.version(), 1);
  EXPECT_EQ(second.owner(), "inv3");
  const CaseFile file = ReadCaseFile(*cases_, c.name(), "checking the assignment");
  ASSERT_EQ(file.entries.size(), 1u);
  EXPECT_EQ(file.entries[0].kind(), v1::ENTRY_KIND_ASSIGNMENT);
  // The same id for another request is refused, not answered with the first.
  grpc::Status reused = Assign(Assignment(c.name(), "inv2", "pvp-east", "assign-e1"), kInvestigatorToken);
  EXPECT_EQ(reused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(reused.error_message(), HasSubstr("request_id: already used for a different request"));
  EXPECT_EQ(Get(c.name()).version(), 1);
}

TEST_F(AssignCaseE2eTest, RefusesWhatIsNotAnAssignment) {
  const v1::Case c = CreateCase(NewCase("Ellie WATSON", "CF-F1"));
  auto refused = [&](v1::AssignCaseRequest request) {
    grpc::Status s = Assign(request, kInvestigatorToken);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    return s.error_message();
  };
  EXPECT_EQ(refused(Assignment(c.name(), "", "")), "owner: give the new owner, the new team, or both");
  EXPECT_THAT(refused(Assignment(c.name(), "", "CAIT")), HasSubstr("team: not a team name"));
  EXPECT_THAT(refused(Assignment(c.name(), "dc 4471", "")), HasSubstr("owner: not a user id"));
  v1::AssignCaseRequest no_reason = Assignment(c.name(), "inv3", "");
  no_reason.clear_reason();
  EXPECT_THAT(refused(no_reason), HasSubstr("reason:"));
  EXPECT_EQ(refused(Assignment(c.name(), "inv1", "cait")),
            "owner: the case is already with owner inv1, team cait; nothing to change");
  // Only AssignCase writes assignments.
  v1::Entry entry;
  entry.set_kind(v1::ENTRY_KIND_ASSIGNMENT);
  entry.set_text("Assigned to me");
  grpc::Status append = TryAppend(c.name(), entry);
  EXPECT_EQ(append.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(append.error_message(), "entry.kind: assignments are made with AssignCase");
  EXPECT_EQ(Get(c.name()).version(), 0);
}

TEST_F(AssignCaseE2eTest, ListsByOwnerAndTeamMostRecentlyWrittenFirst) {
  CreateCase(NewCase("Case A", "CF-A"));
  CreateCase(NewCase("Case B", "CF-B"));
  CreateCase(NewCase("Case C", "CF-C"));
  EXPECT_THAT(Listed("inv1", ""), ElementsAre("CF-C", "CF-B", "CF-A"));
  Note("cases/CF-A");  // written last: first
  EXPECT_THAT(Listed("inv1", ""), ElementsAre("CF-A", "CF-C", "CF-B"));
  CreateCase(NewCase("Case D", "CF-D"), kSecondInvestigatorToken);  // inv2's, of no team
  ASSERT_TRUE(Assign(Assignment("cases/CF-B", "inv2", ""), kInvestigatorToken).ok());
  EXPECT_THAT(Listed("inv2", ""), ElementsAre("CF-B", "CF-D"));
  EXPECT_THAT(Listed("inv1", ""), ElementsAre("CF-A", "CF-C"));
  EXPECT_THAT(Listed("", "cait"), ElementsAre("CF-B", "CF-A", "CF-C"));
  EXPECT_THAT(Listed("", "cait", 1), ElementsAre("CF-B", "CF-A", "CF-C"));  // a page at a time
  EXPECT_THAT(Listed("inv2", "cait"), ElementsAre("CF-B"));                 // the owner's of that team
  EXPECT_THAT(Listed("", "pvp-east"), ElementsAre());
  // Need to know applies: a case kept to inv1 is not in the team list of inv3.
  v1::SetCaseRestrictionRequest restrict;
  restrict.set_name("cases/CF-C");
  restrict.mutable_restriction()->add_users("inv1");
  v1::Case restricted;
  ASSERT_TRUE(cases_->SetCaseRestriction(Context(kInvestigatorToken).get(), restrict, &restricted).ok());
  EXPECT_THAT(Listed("", "cait", 0, kTeamMateToken), ElementsAre("CF-B", "CF-A"));
  EXPECT_THAT(Listed("", "cait", 0, kInvestigatorToken), ElementsAre("CF-B", "CF-A", "CF-C"));
  // An erased case leaves its lists.
  v1::EraseCaseRequest erase;
  erase.set_name("cases/CF-A");
  erase.set_reason("test: erasure");
  v1::EraseCaseResponse erased;
  ASSERT_TRUE(admin_->EraseCase(Context(kAdminToken).get(), erase, &erased).ok());
  EXPECT_THAT(Listed("", "cait"), ElementsAre("CF-B", "CF-C"));
  EXPECT_THAT(Listed("inv1", ""), ElementsAre("CF-C"));

  v1::ListCasesRequest bad;
  bad.set_order_by("update_time desc");
  EXPECT_EQ(TryList(bad).error_message(), "order_by: \"update_time desc\" needs owner or team");
  bad.set_owner("inv1");
  bad.set_order_by("title");
  EXPECT_EQ(TryList(bad).error_message(), "order_by: \"title\" is not an order; give \"\" or \"update_time desc\"");
  bad.clear_order_by();
  bad.set_legacy_ref("22/4471/13");
  EXPECT_EQ(TryList(bad).error_message(),
            "owner: owner and team are not combined with legacy_ref, subject or review_due_by");
  bad.clear_legacy_ref();
  bad.set_team("Not A Team");
  EXPECT_THAT(TryList(bad).error_message(), HasSubstr("team: not a team name"));
}

}  // namespace
}  // namespace casefile::testing
