// casefile-web's home page route (web_app.h): GET / lists the signed-in
// person's cases and their teams' cases, most recently written first
// (ListCases by owner and by team, each read from casefiled's index kept on
// write), with the attention summary and the search box (web/home_page.h).
#include <algorithm>
#include <string>
#include <vector>

#include "casefile/v1/case_service.grpc.pb.h"
#include "google/protobuf/util/time_util.h"
#include "web/home_page.h"
#include "web/server/web_app.h"
#include "web/server/web_responses.h"

namespace casefile::web {
namespace {

// Cases a home list shows at most.
constexpr int kHomeCases = 25;

const google::protobuf::Timestamp& WrittenAt(const v1::Case& c) {
  return c.has_update_time() ? c.update_time() : c.create_time();
}

}  // namespace

void WebApp::Home(const httplib::Request& req, httplib::Response& res) {
  Signed s = SessionOf(req);
  if (s.token.empty()) return res.set_redirect("/signin", 303);
  HomePageData data;
  data.may_open_cases = s.MayWrite();
  data.teams = s.teams;
  data.user_known = !s.user.empty();
  data.supervises = s.MaySupervise();
  data.operates = s.MayOperate();
  auto stub = v1::CaseService::NewStub(channel_);
  // One page of the owner's or a team's cases, newest write first.
  auto list = [&](const std::string& owner, const std::string& team, std::vector<v1::Case>& into, bool& more) {
    v1::ListCasesRequest request;
    request.set_owner(owner);
    request.set_team(team);
    request.set_order_by("update_time desc");
    request.set_page_size(kHomeCases);
    v1::ListCasesResponse response;
    grpc::Status status = stub->ListCases(Context(s.token).get(), request, &response);
    if (!status.ok()) return status;
    for (v1::Case& c : *response.mutable_cases()) into.push_back(std::move(c));
    more = more || !response.next_page_token().empty();
    return grpc::Status::OK;
  };
  if (data.user_known) {
    if (grpc::Status status = list(s.user, "", data.my_cases, data.more_mine); !status.ok()) return Fail(status, s, res);
    for (const std::string& team : s.teams) {
      if (grpc::Status status = list("", team, data.team_cases, data.more_team); !status.ok())
        return Fail(status, s, res);
    }
    // Several teams: their lists merged, newest write first (a case has one team).
    std::stable_sort(data.team_cases.begin(), data.team_cases.end(),
                     [](const v1::Case& a, const v1::Case& b) { return WrittenAt(a) > WrittenAt(b); });
    if (data.team_cases.size() > static_cast<size_t>(kHomeCases)) {
      data.team_cases.resize(kHomeCases);
      data.more_team = true;
    }
  }
  if (grpc::Status status = AttentionSections(s, data.attention); !status.ok()) return Fail(status, s, res);
  res.set_content(HomePage(Nav(s), data), kHtml);
}

}  // namespace casefile::web
