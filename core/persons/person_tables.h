// The person index tables (keys.h: P\0 persons, Q\0 name tokens), written as
// a whole by an import or one person at a time by a live write: the persons
// are decided elsewhere (the importers cluster legacy person records,
// migration/person_index.h; live writes link through person_linker.h), the
// domain keeps the tables that search (person_search.h) and PersonService
// read.
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_CORE_PERSONS_PERSON_TABLES_H_
#define CASEFILE_CORE_PERSONS_PERSON_TABLES_H_

#include "absl/status/status.h"
#include "absl/types/span.h"
#include "casefile/v1/person.pb.h"
#include "storage/lmdb.h"
#include "storage/store.h"

namespace casefile {

// Makes the P\0 and Q\0 tables hold exactly `persons` and their tokens
// (PersonIndexTokens). Only the keys that change are written, so a re-import
// that changes few persons rewrites few keys.
absl::Status ReplacePersonTables(storage::LmdbTxn& txn, absl::Span<const v1::Person> persons);

// Puts one person (P\0) and its tokens (Q\0), taking away the tokens of the
// version stored before, if any: a live write changes one person, not the
// table.
absl::Status PutPerson(storage::LmdbTxn& txn, const v1::Person& person);

// Brings the Q\0 tokens of a store indexed before a person index token was
// added (the date of birth's, for a search by date alone; the blocking
// tokens, for the live linker) up to date, once:
// every person's tokens are put again. Run at start, before serving.
absl::Status AddNewPersonTokens(storage::Store& store);

}  // namespace casefile

#endif  // CASEFILE_CORE_PERSONS_PERSON_TABLES_H_
