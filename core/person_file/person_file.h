// PersonFileReader: the domain side of PersonService.GetPersonFile — a
// person's file across the cases naming them, read with a purpose and audited
// like a case file (what the file holds: PersonFile in
// proto/casefile/v1/person.proto).
//
// The file is read in one short read transaction (the attention items in a
// second, as AttentionLists reads them); then one audit record — kind
// GetPersonFile, the person and the cases read, the number of records, the
// purpose — goes through the writer, and the file is replied only once that
// record is durable. An error is recorded by the refusal interceptor, as for
// every RPC.
//
// Thread-safe.
#ifndef CASEFILE_CORE_PERSON_FILE_PERSON_FILE_H_
#define CASEFILE_CORE_PERSON_FILE_PERSON_FILE_H_

#include "absl/status/statusor.h"
#include "casefile/v1/person.pb.h"
#include "core/access/caller.h"
#include "core/audit/audit_trail.h"
#include "core/safeguarding/attention_lists.h"
#include "storage/lmdb.h"
#include "storage/store.h"

namespace casefile {

// Whether `entry` belongs in the records of the file of `person`
// ("persons/{person}"): see PersonFile.records. Exposed for tests.
bool IsRecordAbout(const v1::Entry& entry, absl::string_view person);

// The file of `name` as `caller` may know it, without the attention items and
// without any check of role or purpose. NotFound when the person does not
// exist for the caller.
absl::StatusOr<v1::PersonFile> ReadPersonFile(const storage::LmdbTxn& txn, const Caller& caller,
                                              absl::string_view name);

class PersonFileReader {
 public:
  // All must outlive this object.
  PersonFileReader(storage::Store* store, const AttentionLists* attention, AuditTrail* audit)
      : store_(store), attention_(attention), audit_(audit) {}

  // Authorizes (the role's "read case files", as GetCaseFile), checks the
  // name and the purpose (InvalidArgument naming the field), reads the file,
  // records the read durably, then replies with the file. `reply` may run on
  // the writer's answering thread and must not block.
  void Read(const Caller& caller, const v1::GetPersonFileRequest& request, Reply<v1::PersonFile> reply);

 private:
  absl::StatusOr<v1::PersonFile> Assemble(const Caller& caller, absl::string_view name);

  storage::Store* const store_;
  const AttentionLists* const attention_;
  AuditTrail* const audit_;
};

}  // namespace casefile

#endif  // CASEFILE_CORE_PERSON_FILE_PERSON_FILE_H_
