// Human-readable renderings of the structured safeguarding records an entry
// may carry (safeguarding.proto) and of attention items, for `casefile show`,
// `watch` and `attention`. Every stored string goes through TerminalSafe.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_CLI_RECORD_OUTPUT_H_
#define CASEFILE_CLI_RECORD_OUTPUT_H_

#include <string>

#include "casefile/v1/attention.pb.h"
#include "casefile/v1/case.pb.h"

namespace casefile::cli {

// The entry's record, one part a line, indented by four spaces; "" without one.
std::string RecordBlock(const v1::Entry& e);
// "strategy discussion overdue" for ATTENTION_LIST_STRATEGY_DISCUSSION_OVERDUE.
std::string AttentionListName(v1::AttentionList list);
// "cases/CF-1/entries/4  due 2026-11-13T09:30:00Z  Ellie WATSON (2008-04-03)" and the summary.
std::string AttentionItemBlock(const v1::AttentionItem& item);

}  // namespace casefile::cli

#endif  // CASEFILE_CLI_RECORD_OUTPUT_H_
