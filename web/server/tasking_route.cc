// casefile-web's tasking routes (web_app.h): GET /tasking shows a team's
// agenda (GetTasking), POST /tasking/held marks the meeting held
// (MarkTaskingHeld) and shows the agenda from then (web/tasking_page.h).
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "casefile/v1/supervision_service.grpc.pb.h"
#include "google/protobuf/util/time_util.h"
#include "web/server/web_app.h"
#include "web/server/web_responses.h"
#include "web/tasking_page.h"

namespace casefile::web {

void WebApp::Tasking(const httplib::Request& req, httplib::Response& res) {
  Signed s = SessionOf(req);
  if (s.token.empty()) return res.set_redirect("/signin", 303);
  TaskingPageData data;
  data.teams = s.teams;
  data.since = req.get_param_value("since");
  data.quiet_days = req.get_param_value("quiet");
  v1::GetTaskingRequest request;
  request.set_team(req.get_param_value("team"));
  if (request.team().empty() && s.teams.size() == 1) request.set_team(s.teams.front());
  if (!data.since.empty()) {
    absl::Time since;
    std::string error;
    if (!absl::ParseTime("%Y-%m-%d", data.since, &since, &error)) {
      data.error = "Came in since: give a day as 2026-12-03";
    } else {
      *request.mutable_since_time() = google::protobuf::util::TimeUtil::SecondsToTimestamp(absl::ToUnixSeconds(since));
    }
  }
  if (!data.quiet_days.empty()) {
    int days = 0;
    if (!absl::SimpleAtoi(data.quiet_days, &days) || days < 1) data.error = "Days: give a number of days, e.g. 14";
    request.set_quiet_days(days);
  }
  if (data.error.empty() && !request.team().empty()) {
    grpc::Status status =
        v1::SupervisionService::NewStub(channel_)->GetTasking(Context(s.token).get(), request, &data.agenda);
    if (status.error_code() == grpc::StatusCode::UNAUTHENTICATED) return Fail(status, s, res);
    if (status.ok()) {
      data.has_agenda = true;
    } else {
      res.status = status.error_code() == grpc::StatusCode::PERMISSION_DENIED ? 403 : 400;
      data.error = status.error_message();
    }
  }
  res.set_content(TaskingPage(Nav(s), form_tokens_.TokenFor(s.token), data), kHtml);
}

void WebApp::TaskingHeld(const httplib::Request& req, httplib::Response& res) {
  Signed s;
  if (!SignedForm(req, res, s)) return;
  TaskingPageData data;
  data.teams = s.teams;
  v1::MarkTaskingHeldRequest request;
  request.set_team(req.get_param_value("team"));
  grpc::Status status =
      v1::SupervisionService::NewStub(channel_)->MarkTaskingHeld(Context(s.token).get(), request, &data.agenda);
  if (!status.ok()) return Fail(status, s, res);
  data.has_agenda = true;
  res.set_content(TaskingPage(Nav(s), form_tokens_.TokenFor(s.token), data), kHtml);
}

}  // namespace casefile::web
