// SqliteAppender: the SQLite peer of the append benchmark — WAL journal,
// synchronous=FULL, one entry row per transaction (autocommit), the way a
// simple service on SQLite would store a chronology entry durably.
//
// Thread-compatible: one connection, used by one thread at a time.
#ifndef CASEFILE_BENCH_SUPPORT_SQLITE_PEER_H_
#define CASEFILE_BENCH_SUPPORT_SQLITE_PEER_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace casefile::bench {

class SqliteAppender {
 public:
  // A new database file at `path`; values are `values[i % values.size()]`.
  static absl::StatusOr<std::unique_ptr<SqliteAppender>> Open(const std::string& path,
                                                              std::vector<std::string> values,
                                                              int cases);
  ~SqliteAppender();
  SqliteAppender(const SqliteAppender&) = delete;
  SqliteAppender& operator=(const SqliteAppender&) = delete;

  // Inserts entry `i` (of case i % cases) and commits it durably. Returns
  // the value bytes written.
  absl::StatusOr<int64_t> Append(int64_t i);

 private:
  SqliteAppender(sqlite3* db, sqlite3_stmt* insert, std::vector<std::string> values, int cases)
      : db_(db), insert_(insert), values_(std::move(values)), cases_(cases) {}
  sqlite3* db_;
  sqlite3_stmt* insert_;
  std::vector<std::string> values_;
  int cases_;
};

}  // namespace casefile::bench

#endif  // CASEFILE_BENCH_SUPPORT_SQLITE_PEER_H_
