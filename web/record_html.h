// The structured safeguarding record an entry may carry (safeguarding.proto)
// as HTML: a heading line and a definition list, one part a row, the same
// parts `casefile show` prints (cli/record_output.cc). Every stored string is
// escaped.
//
// Thread-safe: pure function.
#ifndef CASEFILE_WEB_RECORD_HTML_H_
#define CASEFILE_WEB_RECORD_HTML_H_

#include <string>

#include "casefile/v1/case.pb.h"

namespace casefile::web {

// `<div class="record">...</div>`, or "" when the entry carries no record.
std::string RecordHtml(const v1::Entry& e);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_RECORD_HTML_H_
