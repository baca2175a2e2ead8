// The records that the legacy readers produce, one struct per kind, all text
// decoded to UTF-8 and kept exactly as read (no trimming inside, no case change).
// Thread-safe: plain value types.
#ifndef CASEFILE_MIGRATION_LEGACY_RECORD_H_
#define CASEFILE_MIGRATION_LEGACY_RECORD_H_

#include <string>
#include <vector>

#include "core/time/partial_time.h"

namespace casefile::migration {

enum class LegacyFormat {
  kUnrecognised = 0,
  kCaseXref,          // case_xref.csv
  kPaperFile,         // paper file transcription CSV
  kInvestigationLog,  // .txt or .docx investigation log
  kCrimeExport,       // crime / non-crime chronology export CSV
  kNominalIndex,      // legacy nominal index CSV
  kDocumentManifest,  // documents/*.csv: the scanned documents of the folder
};

// A person named by a legacy record: "Ellie WATSON (03/04/2008)".
struct LegacySubject {
  std::string as_written;  // the subject exactly as it stood in the source
  std::string forename;
  std::string surname;
  PartialTime date_of_birth;  // kUnknown when not given
};

// One dated (or undated) chronology record: a paper page, a log entry, or a
// crime-system chronology row.
struct LegacyEvent {
  std::string locator;  // "<relative path>#row=N" or "#entry=N"
  LegacyFormat format = LegacyFormat::kUnrecognised;
  std::vector<std::string> legacy_refs;  // file_ref / record_ref / log references
  PartialTime occurred;                  // when it happened, as recorded
  PartialTime entered;                   // crime export entered_at; else unknown
  std::string author;                    // as recorded ("DC 4471 HUGHES", "Powell")
  std::string doc_type;                  // paper doc_type or crime record_type
  std::vector<LegacySubject> subjects;
  std::string text;  // exactly as read
  // The occurred / entry date field exactly as written in the source (for a
  // log entry: the date, and time, its first line begins with), whether or
  // not it was read fully.
  std::string occurred_as_written;
  // Empty when every date of the record was in a known form; else what was
  // kept and why not more: "entry_date 'Jul 2010 11:10' partly read: month
  // precision; a time without a day is not kept" ("date partly read").
  std::string date_note;
};

// One row of a legacy nominal index.
struct NominalRecord {
  std::string locator;
  std::string nominal_ref;
  std::string forename;
  std::string surname;
  std::string date_of_birth_raw;  // as written: "09/11/1985", "19851109", ""
  PartialTime date_of_birth;      // as far as it could be read; kUnknown when empty
  std::string date_note;          // as LegacyEvent::date_note, for date_of_birth
  std::string address_1;
  std::string address_2;
  std::string town;
  std::string postcode;
  std::string source_ref;
};

// One row of case_xref.csv.
struct CaseXref {
  std::string locator;
  std::string case_key;
  std::string legacy_ref;
  std::string ref_kind;  // PAPER_FILE, CRIME, NON_CRIME
};

// One row of a document manifest (documents/*.csv): a scanned document of
// the folder, the case reference it belongs to, and, when known, the day and
// kind of the event it documents.
struct DocumentListing {
  std::string locator;    // "documents/manifest.csv#row=N"
  std::string file;       // the document's path in the import folder, canonical
  std::string reference;  // a legacy reference or a case id, as written (trimmed)
  PartialTime date;       // a whole day, or kUnknown when not given
  std::string kind;       // as written, e.g. "Referral", "strategy discussion"; may be empty
};

// A record (or a whole file) that could not be read.
struct ReadProblem {
  std::string locator;  // "<path>#row=N", "<path>#entry=N", or "<path>" for the file
  std::string reason;   // short and specific: "broken quoting: a quoted field is never closed"
  // The record as read (decoded text), kept so that nothing read is dropped:
  // a CSV row's line(s), a log entry's lines. For a whole file: its first
  // 64 KiB at most. For a record over the size limit: its first 4 KiB only.
  std::string raw;
};

// Everything read from one legacy file.
struct LegacyFile {
  std::string path;  // relative to the import folder
  LegacyFormat format = LegacyFormat::kUnrecognised;
  std::vector<LegacyEvent> events;
  std::vector<NominalRecord> nominals;
  std::vector<CaseXref> xrefs;
  std::vector<DocumentListing> documents;
  std::vector<ReadProblem> problems;
  // Log header fields (investigation logs only).
  std::string officer;
};

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_LEGACY_RECORD_H_
