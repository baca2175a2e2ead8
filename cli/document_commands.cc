// The document commands: attach, document get, document list, document search.
#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "casefile/v1/document_service.grpc.pb.h"
#include "cli/command.h"
#include "cli/output.h"
#include "cli/terminal_safe.h"
#include "client/document_transfer.h"
#include "core/documents/media_type.h"

namespace casefile::cli {
namespace {

// "cases/CF-1/entries/3/documents/1  referral.pdf  PDF  123456 bytes  sha256 ab12…"
std::string DocumentLine(const v1::Document& d) {
  return absl::StrFormat("%s  %s  %s  %d bytes  sha256 %s", TerminalSafe(d.name()), TerminalSafe(d.file_name()),
                         TerminalSafe(MediaTypeLabel(d.media_type())), d.size_bytes(), TerminalSafe(d.sha256()));
}

// "CF-1/entries/3" or "cases/CF-1/entries/3".
std::string EntryNameArg(const std::string& arg) { return CaseNameArg(arg); }

int Attach(const Args& args, const Connection& conn) {
  const std::string& entry = args.positional().at(0);
  const std::string& path = args.positional().at(1);
  auto purpose = args.Require("purpose");
  if (!purpose.ok()) return ReportUsageError(purpose.status(), "attach");
  v1::AttachDocumentStart start;
  start.set_entry(EntryNameArg(entry));
  start.set_file_name(args.Has("name") ? args.Get("name") : std::filesystem::path(path).filename().string());
  start.set_request_id(NewRequestId());
  start.set_purpose(*purpose);
  auto stub = v1::DocumentService::NewStub(conn.channel());
  v1::Document document;
  grpc::Status status = WithRetries([&] {
    return client::AttachDocumentFile(*stub, *conn.NewContext(), start, path, &document);
  });
  if (!status.ok()) return ReportRpcError(status);
  if (args.Has("json")) {
    std::cout << ToJson(document) << "\n";
  } else {
    std::cout << DocumentLine(document) << "\n";
  }
  return kExitOk;
}

int Get(const Args& args, const Connection& conn) {
  auto purpose = args.Require("purpose");
  if (!purpose.ok()) return ReportUsageError(purpose.status(), "document get");
  auto output = args.Require("output");
  if (!output.ok()) return ReportUsageError(output.status(), "document get");
  v1::GetDocumentRequest request;
  request.set_name(CaseNameArg(args.positional().at(0)));
  request.set_purpose(*purpose);
  // Written beside the target and renamed into place only when whole.
  const std::string partial = *output + ".part";
  const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return ReportUsageError(absl::InvalidArgumentError("cannot write " + partial), "document get");
  bool written = true;
  v1::Document document;
  auto stub = v1::DocumentService::NewStub(conn.channel());
  grpc::Status status = client::GetDocument(
      *stub, *conn.NewContext(), request, [&](const v1::Document& d) { document = d; },
      [&](absl::string_view chunk) {
        written = written && ::write(fd, chunk.data(), chunk.size()) == static_cast<ssize_t>(chunk.size());
        return written;
      });
  written = ::close(fd) == 0 && written;
  if (!status.ok() || !written) {
    std::remove(partial.c_str());
    if (!written) return ReportUsageError(absl::InternalError("cannot write " + partial), "document get");
    return ReportRpcError(status);
  }
  std::rename(partial.c_str(), output->c_str());
  std::cerr << DocumentLine(document) << "\n";
  return kExitOk;
}

int List(const Args& args, const Connection& conn) {
  auto purpose = args.Require("purpose");
  if (!purpose.ok()) return ReportUsageError(purpose.status(), "document list");
  v1::ListDocumentsRequest request;
  request.set_parent(CaseNameArg(args.positional().at(0)));
  request.set_purpose(*purpose);
  v1::ListDocumentsResponse response;
  grpc::Status status =
      v1::DocumentService::NewStub(conn.channel())->ListDocuments(conn.NewContext().get(), request, &response);
  if (!status.ok()) return ReportRpcError(status);
  if (args.Has("json")) {
    std::cout << ToJson(response) << "\n";
    return kExitOk;
  }
  for (const v1::Document& d : response.documents()) std::cout << DocumentLine(d) << "\n";
  return kExitOk;
}

int Search(const Args& args, const Connection& conn) {
  auto purpose = args.Require("purpose");
  if (!purpose.ok()) return ReportUsageError(purpose.status(), "document search");
  v1::SearchDocumentsRequest request;
  request.set_parent(CaseNameArg(args.positional().at(0)));
  std::string query;
  for (size_t i = 1; i < args.positional().size(); ++i) absl::StrAppend(&query, i > 1 ? " " : "", args.positional()[i]);
  request.set_query(query);
  request.set_purpose(*purpose);
  v1::SearchDocumentsResponse response;
  grpc::Status status =
      v1::DocumentService::NewStub(conn.channel())->SearchDocuments(conn.NewContext().get(), request, &response);
  if (!status.ok()) return ReportRpcError(status);
  if (args.Has("json")) {
    std::cout << ToJson(response) << "\n";
    return kExitOk;
  }
  for (const v1::DocumentMatch& m : response.matches())
    std::cout << DocumentLine(m.document()) << "\n    " << TerminalSafe(m.context()) << "\n";
  if (response.matches().empty()) std::cout << "no document of the case holds those words\n";
  return kExitOk;
}

}  // namespace

void AddDocumentCommands(CommandLine& line) {
  CLI::App* c = line.Add("attach", "attach a document (PDF, JPEG, PNG, TIFF, DOCX, text) to an entry", Attach);
  AddWord(c, "ENTRY", "the entry: CASE/entries/N");
  AddWord(c, "FILE", "the file to attach");
  AddValueOption(c, "--name", "NAME", "the file name to keep (default: FILE's own)");
  AddValueOption(c, "--purpose", "'WHY'", "why it is attached (recorded)")->required();

  c = line.Add("document get", "write a document's content to a file", Get);
  AddWord(c, "DOCUMENT", "CASE/entries/N/documents/K");
  AddValueOption(c, "--purpose", "'WHY'", "why you are reading it (recorded with the access)")->required();
  AddValueOption(c, "-o,--output", "FILE", "where to write it")->required();

  c = line.Add("document list", "the documents of a case's entries", List);
  AddWord(c, "CASE", "the case");
  AddValueOption(c, "--purpose", "'WHY'", "why you are looking (recorded)")->required();

  c = line.Add("document search", "the case's documents whose text holds every word", Search);
  AddWord(c, "CASE", "the case");
  AddWords(c, "WORDS", "the words to find");
  AddValueOption(c, "--purpose", "'WHY'", "why you are looking (recorded)")->required();
}

}  // namespace casefile::cli
