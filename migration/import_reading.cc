#include "migration/import_reading.h"

#include <algorithm>
#include <utility>

#include "migration/import_report.h"

namespace casefile::migration {

ReadRecords TakeStock(std::vector<LegacyFile>& files, v1::Import& report) {
  ReadRecords read;
  v1::ImportCounts& counts = *report.mutable_counts();
  std::sort(files.begin(), files.end(), [](auto& a, auto& b) { return a.path < b.path; });
  for (LegacyFile& f : files) {
    counts.set_files(counts.files() + 1);
    if (f.format == LegacyFormat::kUnrecognised) counts.set_files_unrecognised(counts.files_unrecognised() + 1);
    if (f.format == LegacyFormat::kDocumentManifest)
      counts.set_documents_rejected(counts.documents_rejected() + f.problems.size());
    for (ReadProblem& p : f.problems) {
      v1::Rejection& r = read.rejected.emplace_back();
      r.set_locator(std::move(p.locator));
      r.set_reason(std::move(p.reason));
      r.set_raw(std::move(p.raw));
      // An unrecognised file is counted as such, not as a rejected record.
      if (f.format != LegacyFormat::kUnrecognised) counts.set_rejected(counts.rejected() + 1);
    }
    for (LegacyEvent& e : f.events) {
      read.events.push_back(&e);
      if (!e.date_note.empty()) NotePartlyReadDate(report, e.locator, e.occurred_as_written, e.date_note);
    }
    for (NominalRecord& n : f.nominals) {
      read.nominals.push_back(&n);
      if (!n.date_note.empty()) NotePartlyReadDate(report, n.locator, n.date_of_birth_raw, n.date_note);
    }
    read.xrefs.insert(read.xrefs.end(), f.xrefs.begin(), f.xrefs.end());
    for (DocumentListing& d : f.documents) read.documents.push_back(std::move(d));
  }
  counts.set_records_read(read.events.size() + read.nominals.size() + read.xrefs.size() + read.documents.size());
  // Listed without their content, which only ListRejectedRecords returns.
  for (size_t i = 0; i < read.rejected.size() && i < kMaxListed; ++i) {
    v1::Rejection& listed = *report.add_rejections();
    listed.set_locator(read.rejected[i].locator());
    listed.set_reason(read.rejected[i].reason());
  }
  counts.set_nominal_records(read.nominals.size());
  return read;
}

}  // namespace casefile::migration
