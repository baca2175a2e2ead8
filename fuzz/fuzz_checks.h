// Invariants every reader keeps on any input, checked by the fuzz targets:
// all text is well-formed UTF-8, every locator names the file and is given
// to one record or problem only, every problem keeps raw content within the
// limits of reader_options.h. A violation aborts (a fuzzer finding).
#ifndef CASEFILE_FUZZ_FUZZ_CHECKS_H_
#define CASEFILE_FUZZ_FUZZ_CHECKS_H_

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "migration/document_paths.h"
#include "migration/legacy_record.h"
#include "migration/readers/reader_options.h"
#include "migration/readers/text_decoding.h"

namespace casefile::migration {

inline void FuzzCheck(bool ok) {
  if (!ok) std::abort();
}

inline void CheckLegacyFile(const LegacyFile& f, std::string_view path) {
  FuzzCheck(f.path == path);
  std::set<std::string> record_locators;
  auto check_locator = [&](const std::string& locator) {
    FuzzCheck(locator.compare(0, path.size(), path) == 0);
    FuzzCheck(record_locators.insert(locator).second);
  };
  for (const LegacyEvent& e : f.events) {
    check_locator(e.locator);
    FuzzCheck(IsValidUtf8(e.text) && IsValidUtf8(e.author) && IsValidUtf8(e.doc_type));
    FuzzCheck(IsValidUtf8(e.occurred_as_written) && IsValidUtf8(e.date_note));
    FuzzCheck(e.text.size() <= ReaderOptions().max_record_bytes);
    for (const std::string& r : e.legacy_refs) FuzzCheck(IsValidUtf8(r));
    for (const LegacySubject& s : e.subjects) {
      FuzzCheck(IsValidUtf8(s.as_written) && IsValidUtf8(s.forename) && IsValidUtf8(s.surname));
    }
  }
  for (const NominalRecord& n : f.nominals) {
    check_locator(n.locator);
    FuzzCheck(IsValidUtf8(n.forename) && IsValidUtf8(n.surname) && IsValidUtf8(n.date_of_birth_raw));
    FuzzCheck(IsValidUtf8(n.date_note));
  }
  for (const CaseXref& x : f.xrefs) {
    check_locator(x.locator);
    FuzzCheck(IsValidUtf8(x.case_key) && IsValidUtf8(x.legacy_ref));
  }
  for (const DocumentListing& d : f.documents) {
    check_locator(d.locator);
    FuzzCheck(IsValidUtf8(d.file) && IsValidUtf8(d.reference) && IsValidUtf8(d.kind));
    // Canonical, inside the folder's documents/: no "", "." or ".." component.
    const std::string bounded = "/" + d.file + "/";
    FuzzCheck(IsScannedDocumentPath(d.file) && bounded.find("/../") == std::string::npos &&
              bounded.find("/./") == std::string::npos && bounded.find("//") == std::string::npos);
    FuzzCheck(!d.reference.empty());
    FuzzCheck(d.date.precision == TimePrecision::kUnknown || d.date.precision == TimePrecision::kDay);
  }
  for (const ReadProblem& p : f.problems) {
    FuzzCheck(p.locator.compare(0, path.size(), path) == 0);
    FuzzCheck(!p.reason.empty() && IsValidUtf8(p.reason));
    FuzzCheck(IsValidUtf8(p.raw));
    FuzzCheck(p.raw.size() <= std::max(kFileRawBytes, ReaderOptions().max_record_bytes));
    // A file-level problem may sit beside records; a record's may not.
    if (p.locator != path) FuzzCheck(record_locators.insert(p.locator).second);
  }
  FuzzCheck(IsValidUtf8(f.officer));
}

}  // namespace casefile::migration

#endif  // CASEFILE_FUZZ_FUZZ_CHECKS_H_
