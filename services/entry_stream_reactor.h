// EntryStreamReactor: streams a case's entries to one client in large chunks
// (about 256 KiB, never near gRPC's 4 MiB limit), reading each chunk in its own
// short read transaction and sending the stored bytes without re-encoding.
//
// Memory: two chunks per stream, the one being sent and the next, read while
// the first goes out. The one after is read only in OnWriteDone, which gRPC
// reports once HTTP/2 flow control has let the previous one out, so a reader
// that stops reading holds about two chunks of server memory
// (tests/bounded_read_e2e_test.cc asserts less than 8 MiB for a stalled
// reader of a 100 MB case). A chunk ends after the entry that crosses kChunkBytes; entry text
// is at most 256 KiB (core/chronology/validation.h, and the importers' record limit).
//
// Two uses: a case file (header first, entries up to the version at open,
// then done) and a live watch (entries after a version, then new ones as the
// ChangeFeed announces them, until the client cancels or the server stops).
//
// Thread-safety: gRPC and the ChangeFeed call it from different threads; the
// state is guarded by mu_. It deletes itself when gRPC reports OnDone.
#ifndef CASEFILE_SERVICES_ENTRY_STREAM_REACTOR_H_
#define CASEFILE_SERVICES_ENTRY_STREAM_REACTOR_H_

#include <cstdint>
#include <optional>
#include <string>

#include <grpcpp/grpcpp.h>

#include "absl/synchronization/mutex.h"
#include "core/chronology/case_chronology.h"
#include "core/chronology/change_feed.h"
#include "services/feed_stream_reactor.h"

namespace casefile {

class EntryStreamReactor : public FeedStreamReactor<grpc::ByteBuffer> {
 public:
  struct Plan {
    std::string case_id;
    uint64_t first = 1;         // first entry number to send
    uint64_t last = 0;          // last entry to send (case file), ignored when live
    bool live = false;          // keep going as entries are appended
    Caller watcher;             // live: whose need to know is checked at each append
    int entries_field = 0;      // field number of `repeated Entry` in the response
    std::string header;         // serialized fields (and any entries read early) to send first
    // A case file in time order: what is left of it to send (first and last
    // are then unused).
    std::optional<CaseFileView> view;
  };
  // A client parses a message only once it is whole, so smaller messages let
  // it parse one while the next arrives: casefile-web's GetCaseFile of a
  // 2,000-entry case took 1.4-1.5 ms with 256 KiB, 1.6 with 512 KiB, 2.0
  // with 1 MiB (bench/README.md).
  static constexpr size_t kChunkBytes = 256 << 10;

  // The handler returns the new reactor to gRPC at once, then calls exactly
  // one of Begin or Fail (possibly later, from another thread).
  EntryStreamReactor(CaseChronology* chronology, ChangeFeed* feed);
  // Starts streaming. REQUIRES: access already authorized.
  void Begin(Plan plan);
  void Fail(const grpc::Status& status);


 private:
  // Sends the next chunk if one is ready and no write is in flight, then
  // reads the one after it.
  void Pump() override ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Reads entries from plan_.first up to `last` into ready_ (after what it
  // holds), or sets read_error_.
  void ReadNextChunk(uint64_t last) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  CaseChronology* const chronology_;
  Plan plan_ ABSL_GUARDED_BY(mu_);
  grpc::ByteBuffer buffer_ ABSL_GUARDED_BY(mu_);  // being sent
  std::string ready_ ABSL_GUARDED_BY(mu_);        // the next message, read ahead
  grpc::Status read_error_ ABSL_GUARDED_BY(mu_);
};

}  // namespace casefile

#endif  // CASEFILE_SERVICES_ENTRY_STREAM_REACTOR_H_
