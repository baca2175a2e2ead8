// The media type of a document, decided from its content, never from its
// name: PDF, JPEG, PNG, TIFF, DOCX and plain text are kept; anything else is
// refused naming what it is ("HTML", "SVG", "ZIP", "unknown binary"), so that
// nothing a browser would run (markup, script, SVG) is ever stored.
//
// Content arrives in chunks and is never held whole: a ContentProbe keeps its
// first bytes and checks, as it goes, that it is UTF-8 without NUL.
//
// Thread-compatible (ContentProbe); the functions are thread-safe.
#ifndef CASEFILE_CORE_DOCUMENTS_MEDIA_TYPE_H_
#define CASEFILE_CORE_DOCUMENTS_MEDIA_TYPE_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace casefile {

inline constexpr char kPdf[] = "application/pdf";
inline constexpr char kJpeg[] = "image/jpeg";
inline constexpr char kPng[] = "image/png";
inline constexpr char kTiff[] = "image/tiff";
inline constexpr char kDocx[] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
inline constexpr char kPlainText[] = "text/plain; charset=utf-8";

// What the type is decided from, gathered while the content streams by.
class ContentProbe {
 public:
  static constexpr size_t kHeadBytes = 1024;

  void Add(absl::string_view bytes);
  // Call after the last Add: a UTF-8 sequence cut off at the end is not text.
  void Finish();

  const std::string& head() const { return head_; }
  // Valid UTF-8 with no NUL byte, so far (after Finish: as a whole).
  bool is_text() const { return is_text_; }

 private:
  std::string head_;
  std::string pending_;  // a UTF-8 sequence begun at the end of the last chunk
  bool is_text_ = true;
};

// A short name for display: "PDF", "JPEG", "PNG", "TIFF", "DOCX", "text".
absl::string_view MediaTypeLabel(absl::string_view media_type);

// The media type, or InvalidArgument "content: HTML is not a document type
// casefile keeps (PDF, JPEG, PNG, TIFF, DOCX or plain text)".
// `zip_holds_word_document` is asked only for a zip archive (a DOCX is a zip
// holding word/document.xml).
absl::StatusOr<std::string> DecideMediaType(const ContentProbe& probe, bool zip_holds_word_document);

// Whether the zip archive in `bytes` (or the file at `path`) holds
// word/document.xml. False for anything that is not a readable zip.
bool ZipHoldsWordDocument(absl::string_view bytes);
bool ZipFileHoldsWordDocument(const std::string& path);

}  // namespace casefile

#endif  // CASEFILE_CORE_DOCUMENTS_MEDIA_TYPE_H_
