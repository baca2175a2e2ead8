#include "migration/document_paths.h"

#include <algorithm>

#include "migration/readers/ascii.h"
#include "migration/readers/reader_options.h"

namespace casefile::migration {
namespace {

// (std::string_view throughout: Debian's Abseil has its own string_view.)
constexpr std::string_view kFolder = "documents/";

bool EndsWithCsv(std::string_view name) {
  return name.size() > 4 && EqualsIgnoreCase(name.substr(name.size() - 4), ".csv");
}

absl::Status BadFile(std::string_view file, std::string_view why) {
  return absl::InvalidArgumentError(std::string("file '").append(Utf8Prefix(file, 80)).append("' ").append(why));
}

}  // namespace

bool IsDocumentManifestPath(std::string_view path) {
  if (!path.starts_with(kFolder)) return false;
  const std::string_view rest = path.substr(kFolder.size());
  return rest.find('/') == std::string_view::npos && EndsWithCsv(rest);
}

bool IsScannedDocumentPath(std::string_view path) {
  return path.starts_with(kFolder) && path.size() > kFolder.size() && !IsDocumentManifestPath(path);
}

absl::StatusOr<std::string> DocumentPathInFolder(std::string_view manifest_path, std::string_view file) {
  if (file.empty() || file.size() > 1024 || file.front() == '/' || file.find('\\') != std::string_view::npos ||
      file.find('\0') != std::string_view::npos)
    return BadFile(file, "must be a path relative to the manifest's folder");
  const size_t slash = manifest_path.rfind('/');
  std::string path(slash == std::string_view::npos ? std::string_view() : manifest_path.substr(0, slash));
  size_t at = 0;
  while (at <= file.size()) {
    size_t end = file.find('/', at);
    if (end == std::string_view::npos) end = file.size();
    const std::string_view part = file.substr(at, end - at);
    at = end + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") return BadFile(file, "must not climb out with '..'");
    if (!path.empty()) path.push_back('/');
    path.append(part);
  }
  if (!IsScannedDocumentPath(path)) return BadFile(file, "names no scanned document (a file under documents/)");
  return path;
}

std::string_view ReferenceFolder(std::string_view path) {
  if (!IsScannedDocumentPath(path)) return "";
  const std::string_view rest = path.substr(kFolder.size());
  const size_t slash = rest.find('/');
  return slash == std::string_view::npos ? std::string_view() : rest.substr(0, slash);
}

std::vector<std::string> ReferencesOfFolder(std::string_view folder) {
  std::vector<std::string> forms = {std::string(folder)};
  for (char separator : {'_', '-'}) {
    std::string form(folder);
    std::replace(form.begin(), form.end(), separator, '/');
    if (std::find(forms.begin(), forms.end(), form) == forms.end()) forms.push_back(std::move(form));
  }
  return forms;
}

}  // namespace casefile::migration
