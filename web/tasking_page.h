// casefile-web's tasking page (GET /tasking): a team's daily tasking
// meeting's agenda (SupervisionService.GetTasking) — what came in since the
// last meeting, approvals waiting, what needs attention, cases with no entry
// for some days — with a form to choose the team, the start and the days,
// and "Mark the meeting held". Printed, it is the agenda: the forms are left
// off paper. Every stored string is escaped.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_WEB_TASKING_PAGE_H_
#define CASEFILE_WEB_TASKING_PAGE_H_

#include <string>
#include <vector>

#include "casefile/v1/supervision_service.pb.h"

namespace casefile::web {

struct TaskingPageData {
  std::vector<std::string> teams;  // the reader's, offered in the form
  std::string since;               // as typed ("YYYY-MM-DD"), "" for the last meeting
  std::string quiet_days;          // as typed
  std::string error;               // shown above the agenda (escaped)
  bool has_agenda = false;
  v1::Tasking agenda;
};

std::string TaskingPage(const std::string& nav, const std::string& csrf, const TaskingPageData& data);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_TASKING_PAGE_H_
