// Whether a scanned document of an import arrived whole. A file cut short
// (a copy that stopped part-way, a scan saved half-written) still starts with
// its type's magic bytes, so the type alone (core/documents/media_type.h)
// keeps it; its end tells: a PDF ends with "%%EOF" (then at most white
// space), a PNG with its IEND chunk, a JPEG with its end-of-image marker.
// Other types have no end to check.
//
// Thread-safe: pure function over a file.
#ifndef CASEFILE_MIGRATION_DOCUMENT_COMPLETENESS_H_
#define CASEFILE_MIGRATION_DOCUMENT_COMPLETENESS_H_

#include <string>

#include "absl/strings/string_view.h"

namespace casefile::migration {

// "" when the file at `path`, of `media_type`, ends as its type must; else
// why not: "truncated: a PDF ends with %%EOF".
std::string WhyIncomplete(const std::string& path, absl::string_view media_type);

// The same for the last bytes of a file (up to 1 KiB are looked at).
std::string WhyIncompleteTail(absl::string_view tail, absl::string_view media_type);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_DOCUMENT_COMPLETENESS_H_
