// Infers the chronology entry kind of a legacy record from its document type
// (paper files) or its wording (logs and crime exports). A guess for display
// and filtering only: the text of every source is kept as read.
//
// Thread-safe: pure function.
#ifndef CASEFILE_MIGRATION_ENTRY_KIND_H_
#define CASEFILE_MIGRATION_ENTRY_KIND_H_

#include "absl/strings/string_view.h"
#include "casefile/v1/case.pb.h"

namespace casefile::migration {

v1::EntryKind InferEntryKind(absl::string_view doc_type, absl::string_view text);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_ENTRY_KIND_H_
