#include "services/import_service.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/strings/strip.h"
#include "migration/document_paths.h"
#include "migration/legacy_reader_pool.h"
#include "migration/readers/reader_options.h"
#include "migration/readers/text_decoding.h"
#include "services/grpc_status.h"
#include "services/server_log.h"

namespace casefile {
namespace {

// Paths go into locators: relative, '/'-separated, no "..", and canonical
// ("./a//b" is "a/b"), so that one file is one place however it was named.
absl::StatusOr<std::string> CanonicalPath(absl::string_view path) {
  if (path.empty() || path.size() > 1024 || path[0] == '/' || absl::StrContains(path, "\\") ||
      path.find('\0') != absl::string_view::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("chunk.path: '", path, "' must be a relative path inside the import folder"));
  }
  std::vector<absl::string_view> parts;
  for (absl::string_view part : absl::StrSplit(path, '/', absl::SkipEmpty())) {
    if (part == ".") continue;
    if (part == "..")
      return absl::InvalidArgumentError(absl::StrCat("chunk.path: '", path, "' must not climb out with '..'"));
    parts.push_back(part);
  }
  if (parts.empty()) return absl::InvalidArgumentError(absl::StrCat("chunk.path: '", path, "' names no file"));
  return absl::StrJoin(parts, "/");
}

// A file that outgrew the limit while it arrived: its size so far and its start.
struct OversizedFile {
  size_t bytes = 0;
  std::string head;
};

// The rejected file of the report, keeping the file's first 4 KiB as text.
migration::LegacyFile OversizedFileRejection(const std::string& path, const OversizedFile& file,
                                             size_t limit) {
  migration::LegacyFile rejected;
  rejected.path = path;
  rejected.problems.push_back(
      {path, absl::StrCat("file of ", file.bytes, " bytes exceeds the limit of ", limit, " bytes"),
       std::string(migration::Utf8Prefix(migration::DecodeLegacyText(file.head).text,
                                         migration::kOversizedRawBytes))});
  return rejected;
}

// The scanned documents of an upload, which follow its other files: each
// read from the stream to a temporary file as its chunks arrive.
class DocumentArrivals {
 public:
  using Stream = grpc::ServerReaderWriter<v1::ImportFolderResponse, v1::ImportFolderRequest>;
  DocumentArrivals(Stream* stream, DocumentLibrary* library, std::optional<v1::ImportFolderRequest> first,
                   std::set<std::string> done)
      : stream_(stream), library_(library), pending_(std::move(first)), done_(std::move(done)) {}

  absl::StatusOr<std::optional<migration::ArrivedDocument>> Next() {
    v1::ImportFolderRequest request;
    if (pending_.has_value()) {
      request = *std::move(pending_);
      pending_.reset();
    } else if (!stream_->Read(&request)) {
      return std::nullopt;
    }
    if (!request.has_chunk())
      return absl::InvalidArgumentError("options: only the first message may carry options");
    auto path = CanonicalPath(request.chunk().path());
    if (!path.ok()) return path.status();
    if (!migration::IsScannedDocumentPath(*path))
      return absl::InvalidArgumentError(absl::StrCat(
          "chunk.path: '", *path, "' comes after the scanned documents (documents/...), which must come last"));
    if (!done_.insert(*path).second)
      return absl::InvalidArgumentError(absl::StrCat("chunk.path: '", *path, "' sent twice"));
    if (library_ == nullptr) return absl::FailedPreconditionError("this server takes no documents in imports");
    auto upload = library_->BeginImported();
    if (!upload.ok()) return upload.status();
    migration::ArrivedDocument arrived;
    arrived.path = *path;
    std::string head;
    absl::Status refused;
    while (true) {
      const std::string& data = request.chunk().data();
      bytes_ += data.size();
      if (head.size() < migration::kOversizedRawBytes)
        head.append(data.substr(0, migration::kOversizedRawBytes - head.size()));
      if (refused.ok()) refused = upload->Append(data);
      if (request.chunk().last()) break;
      if (!stream_->Read(&request) || !request.has_chunk() || CanonicalPath(request.chunk().path()).value_or("") != *path)
        return absl::InvalidArgumentError(absl::StrCat("chunk.last: file '", *path, "' never got its last chunk"));
    }
    if (refused.ok()) refused = upload->Finish();
    if (refused.ok()) {
      arrived.upload.emplace(*std::move(upload));
    } else {
      arrived.refusal = std::string(absl::StripPrefix(refused.message(), "content: "));
    }
    arrived.head = std::string(migration::Utf8Prefix(migration::DecodeLegacyText(head).text, migration::kOversizedRawBytes));
    ++documents_;
    return arrived;
  }

  int64_t documents() const { return documents_; }
  int64_t bytes() const { return bytes_; }

 private:
  Stream* const stream_;
  DocumentLibrary* const library_;
  std::optional<v1::ImportFolderRequest> pending_;
  std::set<std::string> done_;
  int64_t documents_ = 0;
  int64_t bytes_ = 0;
};

// `kind` names the call in its audit record; empty when the domain call
// records itself (in the transaction of its write).
// `resource` is named first in that record (for a result that does not name
// where it came from).
template <typename Response, typename Fn>
grpc::Status Unary(const TokenAuthenticator& auth, AuditTrail& audit, absl::string_view kind,
                   grpc::ServerContext* context, Response* response, Fn fn,
                   absl::string_view resource = "") {
  auto caller = auth.Authenticate(*context);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  absl::StatusOr<Response> result = fn(*caller);
  if (!kind.empty()) result = audit.Recorded(*caller, kind, std::move(result), resource);
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = *std::move(result);
  return grpc::Status::OK;
}

}  // namespace

ImportServiceImpl::ImportServiceImpl(const TokenAuthenticator* auth, migration::ImportEngine* engine,
                                     migration::ReviewQueue* review, AuditTrail* audit, size_t max_file_bytes,
                                     DocumentLibrary* documents)
    : auth_(auth),
      engine_(engine),
      review_(review),
      max_file_bytes_(max_file_bytes),
      audit_(audit),
      documents_(documents) {}

grpc::Status ImportServiceImpl::ImportFolder(
    grpc::ServerContext* context,
    grpc::ServerReaderWriter<v1::ImportFolderResponse, v1::ImportFolderRequest>* stream) {
  auto caller = auth_->Authenticate(*context);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  if (auto s = Authorize(*caller, Action::kImport); !s.ok()) return ToGrpcStatus(s);

  v1::ImportFolderRequest request;
  if (!stream->Read(&request) || !request.has_options())
    return ToGrpcStatus(absl::InvalidArgumentError("options: the first message must carry the options"));
  const v1::ImportOptions options = request.options();

  std::map<std::string, std::string> partial;  // path → bytes so far
  std::set<std::string> done;
  std::map<std::string, OversizedFile> oversized;  // path → what came of a file over the limit
  std::vector<migration::LegacyFile> rejected_files;
  // Files are read on other cores while the next ones arrive.
  migration::LegacyReaderPool reader(std::clamp<int>(std::thread::hardware_concurrency(), 1, 4));
  v1::ImportProgress progress;
  progress.set_stage("reading");
  absl::Time last_progress = absl::Now();
  std::optional<v1::ImportFolderRequest> first_document;  // its first chunk, once the records are in
  while (stream->Read(&request)) {
    if (!request.has_chunk())
      return ToGrpcStatus(absl::InvalidArgumentError("options: only the first message may carry options"));
    const v1::FileChunk& chunk = request.chunk();
    auto canonical = CanonicalPath(chunk.path());
    if (!canonical.ok()) return ToGrpcStatus(canonical.status());
    const std::string& path = *canonical;
    if (migration::IsScannedDocumentPath(path)) {
      first_document = std::move(request);
      break;
    }
    if (done.contains(path))
      return ToGrpcStatus(absl::InvalidArgumentError(absl::StrCat("chunk.path: '", path, "' sent twice")));
    progress.set_bytes_read(progress.bytes_read() + chunk.data().size());
    // A file over the limit is counted, not kept, to its last chunk.
    auto over = oversized.find(path);
    if (over == oversized.end() &&
        partial[path].size() + chunk.data().size() > max_file_bytes_) {
      std::string& so_far = partial[path];
      OversizedFile file{so_far.size(), so_far.substr(0, migration::kOversizedRawBytes)};
      if (file.head.size() < migration::kOversizedRawBytes)
        file.head.append(chunk.data().substr(0, migration::kOversizedRawBytes - file.head.size()));
      partial.erase(path);
      over = oversized.emplace(path, std::move(file)).first;
    }
    if (over != oversized.end()) {
      over->second.bytes += chunk.data().size();
      if (!chunk.last()) continue;
      rejected_files.push_back(OversizedFileRejection(path, over->second, max_file_bytes_));
      ServerLog("import by %s: a file of %d bytes is over the limit of %d bytes", caller->user,
                over->second.bytes, max_file_bytes_);
      oversized.erase(over);
      done.insert(path);
      continue;
    }
    std::string& bytes = partial[path];
    bytes.append(chunk.data());
    if (!chunk.last()) continue;
    reader.Add(path, std::move(bytes));
    partial.erase(path);
    done.insert(path);
    if (absl::Now() - last_progress > absl::Milliseconds(200)) {
      last_progress = absl::Now();
      progress.set_files_read(reader.files_read());
      progress.set_records_read(reader.records_read());
      v1::ImportFolderResponse update;
      *update.mutable_progress() = progress;
      stream->Write(update);
    }
  }
  if (!partial.empty() || !oversized.empty()) {
    const std::string& path = partial.empty() ? oversized.begin()->first : partial.begin()->first;
    return ToGrpcStatus(absl::InvalidArgumentError(
        absl::StrCat("chunk.last: file '", path, "' never got its last chunk")));
  }
  std::vector<migration::LegacyFile> files = reader.Finish();
  for (migration::LegacyFile& f : rejected_files) files.push_back(std::move(f));
  progress.set_files_read(files.size());
  progress.set_records_read(reader.records_read());
  ServerLog("import by %s: %d files received%s", caller->user, files.size(),
            options.dry_run() ? " (dry run)" : "");
  DocumentArrivals arrivals(stream, documents_, std::move(first_document), std::move(done));
  migration::ImportedDocuments documents{documents_, [&] { return arrivals.Next(); }};
  auto report = engine_->Run(
      *caller, options, std::move(files),
      [&](const v1::ImportProgress& p) {
        v1::ImportFolderResponse update;
        *update.mutable_progress() = p;
        update.mutable_progress()->set_files_read(progress.files_read() + arrivals.documents());
        update.mutable_progress()->set_records_read(progress.records_read());
        update.mutable_progress()->set_bytes_read(progress.bytes_read() + arrivals.bytes());
        stream->Write(update);
      },
      &documents);
  if (!report.ok()) {
    ServerLog("import by %s failed: %s", caller->user, report.status().ToString());
    return ToGrpcStatus(report.status());
  }
  ServerLog("import %s by %s: %d records read, %d new entries", report->name(), caller->user,
            report->counts().records_read(), report->counts().new_entries());
  v1::ImportFolderResponse final_update;
  *final_update.mutable_import() = *std::move(report);
  stream->Write(final_update);
  return grpc::Status::OK;
}

grpc::Status ImportServiceImpl::GetImport(grpc::ServerContext* context, const v1::GetImportRequest* request,
                                          v1::Import* response) {
  return Unary(*auth_, *audit_, "GetImport", context, response,
               [&](const Caller& caller) { return engine_->GetImport(caller, request->name()); });
}

grpc::Status ImportServiceImpl::ListReviewItems(grpc::ServerContext* context,
                                                const v1::ListReviewItemsRequest* request,
                                                v1::ListReviewItemsResponse* response) {
  return Unary(*auth_, *audit_, "ListReviewItems", context, response,
               [&](const Caller& caller) { return review_->List(caller, *request); });
}

grpc::Status ImportServiceImpl::GetReviewItem(grpc::ServerContext* context,
                                              const v1::GetReviewItemRequest* request,
                                              v1::ReviewItem* response) {
  return Unary(*auth_, *audit_, "GetReviewItem", context, response,
               [&](const Caller& caller) { return review_->Get(caller, request->name()); });
}

grpc::Status ImportServiceImpl::ResolveReviewItem(grpc::ServerContext* context,
                                                  const v1::ResolveReviewItemRequest* request,
                                                  v1::ReviewItem* response) {
  return Unary(*auth_, *audit_, "", context, response,
               [&](const Caller& caller) { return review_->Resolve(caller, *request); });
}

grpc::Status ImportServiceImpl::SeparateRecord(grpc::ServerContext* context,
                                               const v1::SeparateRecordRequest* request,
                                               v1::SeparateRecordResponse* response) {
  // The engine records the decision in its own transaction.
  return Unary(*auth_, *audit_, "", context, response,
               [&](const Caller& caller) { return engine_->SeparateRecord(caller, request->locator()); });
}

grpc::Status ImportServiceImpl::ListRejectedRecords(grpc::ServerContext* context,
                                                    const v1::ListRejectedRecordsRequest* request,
                                                    v1::ListRejectedRecordsResponse* response) {
  return Unary(*auth_, *audit_, "ListRejectedRecords", context, response,
               [&](const Caller& caller) { return engine_->ListRejectedRecords(caller, *request); },
               request->parent());
}

grpc::Status ImportServiceImpl::ListImports(grpc::ServerContext* context, const v1::ListImportsRequest* request,
                                            v1::ListImportsResponse* response) {
  return Unary(*auth_, *audit_, "ListImports", context, response,
               [&](const Caller& caller) { return engine_->ListImports(caller, *request); });
}

}  // namespace casefile
