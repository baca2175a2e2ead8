#include "bench/support/sqlite_peer.h"

#include "absl/strings/str_cat.h"

namespace casefile::bench {
namespace {

absl::Status SqliteError(sqlite3* db, absl::string_view what) {
  return absl::InternalError(absl::StrCat("sqlite ", what, ": ", sqlite3_errmsg(db)));
}

}  // namespace

absl::StatusOr<std::unique_ptr<SqliteAppender>> SqliteAppender::Open(
    const std::string& path, std::vector<std::string> values, int cases) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    absl::Status s = SqliteError(db, "open");
    sqlite3_close(db);
    return s;
  }
  constexpr char kSchema[] =
      "PRAGMA journal_mode=WAL;"
      "PRAGMA synchronous=FULL;"
      "CREATE TABLE entry(case_id TEXT NOT NULL, number INTEGER NOT NULL, body BLOB NOT NULL,"
      "                   PRIMARY KEY(case_id, number));";
  sqlite3_stmt* insert = nullptr;
  if (sqlite3_exec(db, kSchema, nullptr, nullptr, nullptr) != SQLITE_OK ||
      sqlite3_prepare_v2(db, "INSERT INTO entry(case_id, number, body) VALUES(?, ?, ?)", -1,
                         &insert, nullptr) != SQLITE_OK) {
    absl::Status s = SqliteError(db, "schema");
    sqlite3_close(db);
    return s;
  }
  return std::unique_ptr<SqliteAppender>(
      new SqliteAppender(db, insert, std::move(values), cases));
}

SqliteAppender::~SqliteAppender() {
  sqlite3_finalize(insert_);
  sqlite3_close(db_);
}

absl::StatusOr<int64_t> SqliteAppender::Append(int64_t i) {
  const std::string& value = values_[i % values_.size()];
  const std::string case_id = absl::StrCat("bench-", i % cases_);
  sqlite3_reset(insert_);
  sqlite3_bind_text(insert_, 1, case_id.data(), static_cast<int>(case_id.size()), SQLITE_STATIC);
  sqlite3_bind_int64(insert_, 2, i / cases_ + 1);
  sqlite3_bind_blob(insert_, 3, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
  if (sqlite3_step(insert_) != SQLITE_DONE) return SqliteError(db_, "insert");
  return static_cast<int64_t>(value.size());
}

}  // namespace casefile::bench
