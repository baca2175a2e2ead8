// Reads the date fields of legacy records leniently: a date in a known form
// is read fully; any other is read as far as it can be (year, month, day,
// time) and the record keeps a note saying so, so that no record is dropped
// for its date (LEGACY_FORMATS.md, General rules).
//
//   DateField d = ReadDateField("entry_date", "Jul 2010 11:10");
//   d.time   // 2010-07, month precision
//   d.note   // "entry_date 'Jul 2010 11:10' partly read: month precision; a
//            //  time without a day is not kept"
//
// Thread-safe: pure functions.
#ifndef CASEFILE_MIGRATION_READERS_DATE_FIELDS_H_
#define CASEFILE_MIGRATION_READERS_DATE_FIELDS_H_

#include <string>
#include <string_view>

#include "core/time/partial_time.h"

namespace casefile::migration {

struct DateField {
  PartialTime time;
  std::string note;  // empty when read fully
};

// `field` names the field in the note ("entry_date", "date"); `written` is
// the field as written in the source.
DateField ReadDateField(std::string_view field, std::string_view written);

// Joins two notes with "; ", either may be empty.
void AppendNote(std::string& notes, std::string_view note);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_READERS_DATE_FIELDS_H_
