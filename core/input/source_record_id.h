// The record id that a stored source, review side or person source names:
// which legacy record it came from (migration/record_id.h says how ids are
// made). Stores written before ids existed hold only the locator, which was
// the id then. Here, in the domain, because erasure (core/retention/) needs
// it as much as the import does.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_CORE_INPUT_SOURCE_RECORD_ID_H_
#define CASEFILE_CORE_INPUT_SOURCE_RECORD_ID_H_

#include <string>

#include "casefile/v1/case.pb.h"
#include "casefile/v1/import.pb.h"
#include "casefile/v1/person.pb.h"

namespace casefile {

inline const std::string& RecordId(const v1::Source& s) { return s.record().empty() ? s.locator() : s.record(); }
inline const std::string& RecordId(const v1::ReviewSide& s) {
  return s.record().empty() ? s.locator() : s.record();
}
inline const std::string& RecordId(const v1::PersonSource& s) {
  return s.record().empty() ? s.locator() : s.record();
}

}  // namespace casefile

#endif  // CASEFILE_CORE_INPUT_SOURCE_RECORD_ID_H_
