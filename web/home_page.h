// casefile-web's home page (GET / for a signed-in person): the search box,
// "Open a case" for writers, their own cases and their teams' cases most
// recently written first (ListCases by owner and by team), and a short
// summary of what needs their teams' attention, linking to /attention.
//
// Every stored string is escaped (web/html_escape.h).
//
// Thread-safe: pure function.
#ifndef CASEFILE_WEB_HOME_PAGE_H_
#define CASEFILE_WEB_HOME_PAGE_H_

#include <string>
#include <vector>

#include "casefile/v1/case.pb.h"
#include "web/site_pages.h"

namespace casefile::web {

struct HomePageData {
  // false: casefile-web does not know who is signed in (it restarted since
  // the sign-in), so it cannot list their cases.
  bool user_known = true;
  bool may_open_cases = false;              // offer "Open a case"
  std::vector<std::string> teams;           // the reader's teams
  std::vector<v1::Case> my_cases;           // owner = the reader, most recently written first
  std::vector<v1::Case> team_cases;         // team = one of theirs, most recently written first
  bool more_mine = false, more_team = false;  // lists cut at their page
  std::vector<AttentionSection> attention;  // as /attention shows them
  // A supervisor (or admin): "Approvals waiting" from the attention list of
  // that name, each with its approve-or-return form, and the teams' tasking.
  bool supervises = false;
  // An operator (or admin): the review queue and the imports.
  bool operates = false;
};

std::string HomePage(const std::string& nav, const HomePageData& data);

// A case's last write for people: "07/12/2026 14:05" in UK time; for a case
// of an older store never written since, its creation.
std::string LastWrittenText(const v1::Case& c);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_HOME_PAGE_H_
