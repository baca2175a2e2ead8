// CSV rows as RFC 4180 writes them: a field is quoted when it holds a comma, a
// double quote or a line break, and a quote inside is doubled.
//
// Thread-safety: pure functions.
#ifndef CASEFILE_TOOLS_LEGACY_GENERATOR_CSV_ROW_H_
#define CASEFILE_TOOLS_LEGACY_GENERATOR_CSV_ROW_H_

#include <initializer_list>
#include <string>
#include <string_view>

namespace casefile::legacy_generator {

// Appends the fields as one row ending in "\n".
void AppendCsvRow(std::string& out, std::initializer_list<std::string_view> fields);

}  // namespace casefile::legacy_generator

#endif  // CASEFILE_TOOLS_LEGACY_GENERATOR_CSV_ROW_H_
