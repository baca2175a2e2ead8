// The inspection report against the real casefiled: DASH risk assessments
// and reviews written and refused, each measure's figures moved by the
// records AppendEntry writes, who may read the report, the cases behind a
// figure, the audit record, and `casefile report` (text and CSV).
#include <string>

#include "casefile/v1/report.grpc.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"
#include "tests/support/cli_runner.h"
#include "tests/support/safeguarding_examples.h"

namespace casefile::testing {
namespace {

using ::testing::HasSubstr;
using google::protobuf::util::TimeUtil;

class ReportE2eTest : public CasefiledTest {
 protected:
  void SetUp() override {
    CasefiledTest::SetUp();
    reports_ = v1::ReportService::NewStub(server_->channel());
    case_ = CreateCase(NewCase("Concern for Ellie WATSON", "CF-REP")).name();
  }

  grpc::Status TryReport(v1::InspectionReport* report, const std::string& token = kAdminToken,
                         const std::string& team = "") {
    v1::GetInspectionReportRequest request;
    request.set_from_date("2026-11-01");
    request.set_to_date("2026-11-30");
    request.set_team(team);
    return reports_->GetInspectionReport(Context(token).get(), request, report);
  }

  // "met/count" of one measure over the period, and of November.
  std::string Figure(v1::ReportMeasure measure, const std::string& team = "") {
    v1::InspectionReport report;
    grpc::Status s = TryReport(&report, kAdminToken, team);
    EXPECT_TRUE(s.ok()) << s.error_message();
    for (const v1::MeasureResult& m : report.measures()) {
      if (m.measure() != measure) continue;
      EXPECT_EQ(m.months_size(), 1);
      EXPECT_EQ(m.months(0).count(), m.period().count());
      return absl::StrCat(m.period().met(), "/", m.period().count());
    }
    return "missing";
  }

  std::unique_ptr<v1::ReportService::Stub> reports_;
  std::string case_;
};

TEST_F(ReportE2eTest, ADashAssessmentIsCompleteOrRefusedAndReviewedByAnother) {
  v1::Entry incomplete = DashExample();
  incomplete.mutable_dash_risk_assessment()->mutable_answers()->erase("strangulation");
  grpc::Status refused = TryAppend(case_, incomplete);
  EXPECT_EQ(refused.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(refused.error_message(), "entry.dash_risk_assessment.answers.strangulation: is not answered");

  const v1::Entry dash = Append(case_, DashExample(2));
  EXPECT_EQ(dash.dash_risk_assessment().officer(), "inv1");  // the writer, when none is named
  EXPECT_EQ(Figure(v1::REPORT_MEASURE_DASH_COMPLETE), "0/1");  // two answers not known

  grpc::Status own = TryAppend(case_, DashReviewExample(dash.name()));
  EXPECT_EQ(own.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(own.error_message(), "entry.dash_review.review.reviewer: the officer who assessed may not review it");
  const v1::Entry note = Append(case_, ParseExampleEntry("kind: ENTRY_KIND_NOTE text: 'A note.'"));
  grpc::Status not_dash = TryAppend(case_, DashReviewExample(note.name()), nullptr, kTeamMateToken);
  EXPECT_EQ(not_dash.error_message(),
            absl::StrCat("entry.dash_review.assessment: ", note.name(), " is not a DASH risk assessment of this case"));
  const v1::Entry review = Append(case_, DashReviewExample(dash.name()), kTeamMateToken);
  EXPECT_EQ(review.dash_review().review().reviewer(), "inv3");

  Append(case_, DashExample());
  v1::InspectionReport report;
  ASSERT_TRUE(TryReport(&report).ok());
  ASSERT_EQ(report.dash_by_officer_size(), 1);
  EXPECT_EQ(report.dash_by_officer(0).officer(), "inv1");
  EXPECT_EQ(report.dash_by_officer(0).assessments(), 2);
  EXPECT_EQ(report.dash_by_officer(0).complete(), 1);
  EXPECT_EQ(report.dash_by_officer(0).not_known_answers(), 2);
  EXPECT_EQ(report.dash_by_officer(0).reviewed(), 1);
}

TEST_F(ReportE2eTest, EachRecordMovesItsMeasure) {
  v1::Entry referral = ReferralExample(true);  // 12/11/2026 09:30, to CSC
  referral.mutable_referral()->set_domestic_abuse(true);
  const v1::Entry r = Append(case_, referral);
  EXPECT_EQ(Figure(v1::REPORT_MEASURE_STRATEGY_DISCUSSION_IN_TIME), "0/1");
  EXPECT_EQ(Figure(v1::REPORT_MEASURE_DOMESTIC_ABUSE_CHILD_IMPACT), "1/1");
  EXPECT_EQ(Figure(v1::REPORT_MEASURE_CSC_FEEDBACK), "0/1");

  Append(case_, StrategyDiscussionExample());  // 13/11 10:00: 24h30m after
  EXPECT_EQ(Figure(v1::REPORT_MEASURE_STRATEGY_DISCUSSION_IN_TIME), "0/1");
  EXPECT_EQ(Figure(v1::REPORT_MEASURE_DECISIONS_AND_ACTIONS), "1/1");
  v1::Entry same_day = StrategyDiscussionExample();  // known to the day, 12/11: may have been in time
  *same_day.mutable_strategy_discussion()->mutable_held_time() =
      ParseExampleEntry("occur_time { precision: PRECISION_DAY year: 2026 month: 11 day: 12 }").occur_time();
  same_day.mutable_strategy_discussion()->clear_actions();
  Append(case_, same_day);
  EXPECT_EQ(Figure(v1::REPORT_MEASURE_STRATEGY_DISCUSSION_IN_TIME), "1/1");
  EXPECT_EQ(Figure(v1::REPORT_MEASURE_DECISIONS_AND_ACTIONS), "1/2");

  v1::Entry feedback = ReferralFeedbackExample(r.name());
  *feedback.mutable_referral_feedback()->mutable_received_time() =
      ParseExampleEntry("occur_time { precision: PRECISION_DAY year: 2026 month: 11 day: 14 }").occur_time();
  Append(case_, feedback);
  EXPECT_EQ(Figure(v1::REPORT_MEASURE_CSC_FEEDBACK), "1/1");

  const v1::Entry custody = Append(case_, CustodyExample());  // adult asked for 12/11 18:10
  EXPECT_EQ(Figure(v1::REPORT_MEASURE_APPROPRIATE_ADULT), "0/1");
  v1::Entry arrived = CustodyExample();
  arrived.mutable_custody()->set_updates(custody.name());
  *arrived.mutable_custody()->mutable_appropriate_adult_arrived_time() =
      ParseExampleEntry("occur_time { precision: PRECISION_MINUTE year: 2026 month: 11 day: 12 hour: 19 minute: 40 }")
          .occur_time();
  Append(case_, arrived);
  EXPECT_EQ(Figure(v1::REPORT_MEASURE_APPROPRIATE_ADULT), "1/1");

  for (int day : {3, 10, 17}) Append(case_, MissingEpisodeExample(day));
  EXPECT_EQ(Figure(v1::REPORT_MEASURE_REPEATED_MISSING_ASSESSED), "0/1");
  Append(case_, AssessmentExample(20));
  EXPECT_EQ(Figure(v1::REPORT_MEASURE_REPEATED_MISSING_ASSESSED), "1/1");

  v1::InspectionReport report;
  ASSERT_TRUE(TryReport(&report).ok());
  const v1::MeasureResult& feedback_measure = report.measures(v1::REPORT_MEASURE_CSC_FEEDBACK - 1);
  EXPECT_EQ(TimeUtil::ToString(feedback_measure.durations().median()), "138600s");  // 38h30m
  const v1::MeasureResult& adult = report.measures(v1::REPORT_MEASURE_APPROPRIATE_ADULT - 1);
  EXPECT_EQ(TimeUtil::ToString(adult.durations().longest()), "5400s");  // 1h30m

  // The case's team is its creator's (cait); another team's report counts nothing.
  EXPECT_EQ(Figure(v1::REPORT_MEASURE_CSC_FEEDBACK, "cait"), "1/1");
  EXPECT_EQ(Figure(v1::REPORT_MEASURE_CSC_FEEDBACK, "eds"), "0/0");
}

TEST_F(ReportE2eTest, AdminsReadTheReportItsCasesAndEachIsAudited) {
  const v1::Entry r = Append(case_, ReferralExample(false));
  v1::InspectionReport report;
  EXPECT_EQ(TryReport(&report, kInvestigatorToken).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(TryReport(&report, kAuditorToken).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  ASSERT_TRUE(TryReport(&report).ok());

  v1::ListReportCasesRequest request;
  request.set_from_date("2026-11-01");
  request.set_to_date("2026-11-30");
  request.set_measure(v1::REPORT_MEASURE_CSC_FEEDBACK);
  request.set_selection(v1::REPORT_SELECTION_NOT_MET);
  v1::ListReportCasesResponse cases;
  ASSERT_TRUE(reports_->ListReportCases(Context(kAdminToken).get(), request, &cases).ok());
  ASSERT_EQ(cases.cases_size(), 1);
  EXPECT_EQ(cases.cases(0).case_(), case_);
  EXPECT_EQ(cases.cases(0).title(), "Concern for Ellie WATSON");
  EXPECT_EQ(cases.cases(0).entry(), r.name());
  EXPECT_FALSE(cases.cases(0).met());
  EXPECT_EQ(cases.total(), 1);

  v1::ListAuditEventsRequest audit;
  audit.set_kind("ListReportCases");
  v1::ListAuditEventsResponse events;
  ASSERT_TRUE(audit_->ListAuditEvents(Context(kAuditorToken).get(), audit, &events).ok());
  ASSERT_EQ(events.audit_events_size(), 1);
  EXPECT_EQ(events.audit_events(0).user(), "adm1");
  EXPECT_THAT(events.audit_events(0).resources(), ::testing::ElementsAre(r.name()));
  audit.set_kind("GetInspectionReport");
  ASSERT_TRUE(audit_->ListAuditEvents(Context(kAuditorToken).get(), audit, &events).ok());
  ASSERT_EQ(events.audit_events_size(), 3);  // the two refusals, then the report
  EXPECT_EQ(events.audit_events(0).outcome(), "PERMISSION_DENIED");
  EXPECT_EQ(events.audit_events(2).outcome(), "OK");
  EXPECT_EQ(events.audit_events(2).count(), 1);  // one unit counted: the referral to CSC
}

TEST_F(ReportE2eTest, SupervisorsReadTheirOwnTeamsReportAndNoOther) {
  Append(case_, ReferralExample(false));
  v1::InspectionReport report;
  ASSERT_TRUE(TryReport(&report, kSupervisorToken, "cait").ok());  // sup1 supervises cait
  EXPECT_EQ(report.team(), "cait");
  EXPECT_EQ(TryReport(&report, kSupervisorToken, "pvp-east").error_code(), grpc::StatusCode::PERMISSION_DENIED);
  const grpc::Status unit = TryReport(&report, kSupervisorToken, "");
  EXPECT_EQ(unit.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(unit.error_message(), "only admins read the whole unit's report: name a team");
  EXPECT_EQ(TryReport(&report, kOtherSupervisorToken, "cait").error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

TEST_F(ReportE2eTest, TheCliPrintsTheReportAsTextAndCsv) {
  Append(case_, ReferralExample(false));
  CliRun text = RunCasefileCli(*server_, "report --from 2026-11-01 --to 2026-11-30", kAdminToken);
  EXPECT_EQ(text.exit_code, 0) << text.out;
  EXPECT_THAT(text.out, HasSubstr("Referrals to children's social care with feedback\n"
                                  "  period: 0 of 1 referrals with feedback (0%)\n"
                                  "  by month: 2026-11 0/1\n"));
  CliRun csv = RunCasefileCli(*server_, "report --from 2026-11-01 --to 2026-11-30 --csv", kAdminToken);
  EXPECT_EQ(csv.exit_code, 0) << csv.out;
  EXPECT_THAT(csv.out, HasSubstr("measure,month,count,met,share,median_hours,p90_hours,longest_hours\r\n"));
  EXPECT_THAT(csv.out, HasSubstr("csc_feedback,2026-11,1,0,0%,,,\r\n"));
  CliRun cases = RunCasefileCli(
      *server_, "report cases --from 2026-11-01 --to 2026-11-30 --measure csc-feedback --not-met", kAdminToken);
  EXPECT_EQ(cases.exit_code, 0) << cases.out;
  EXPECT_THAT(cases.out, HasSubstr("cases/CF-REP/entries/1  not met  Concern for Ellie WATSON\n"));
  CliRun denied = RunCasefileCli(*server_, "report --from 2026-11-01 --to 2026-11-30", kInvestigatorToken);
  EXPECT_EQ(denied.exit_code, 1);
  EXPECT_THAT(denied.out, HasSubstr("PERMISSION_DENIED"));
}

}  // namespace
}  // namespace casefile::testing
