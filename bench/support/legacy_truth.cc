#include "bench/support/legacy_truth.h"

#include <cctype>
#include <utility>

#include "absl/strings/str_cat.h"
#include "client/server_child.h"

namespace casefile::bench {
namespace {

class TruthScanner {
 public:
  explicit TruthScanner(std::string text) : s_(std::move(text)) {}

  bool Read(LegacyTruth& out) {
    if (!Expect('{')) return false;
    if (Peek() == '}') return Expect('}');
    while (true) {
      std::string key;
      if (!String(key) || !Expect(':')) return false;
      const bool ok = key == "records"     ? Records(out)
                      : key == "nominals"  ? Nominals(out)
                      : key == "documents" ? Documents(out)
                                           : SkipValue();
      if (!ok) return false;
      if (Peek() != ',') return Expect('}');
      Expect(',');
    }
  }

 private:
  // locator → {"field": "value", ...}, each field given to `field(locator, name, value)`.
  template <typename Fn>
  bool ObjectsOfStrings(Fn field) {
    if (!Expect('{')) return false;
    if (Peek() == '}') return Expect('}');
    while (true) {
      std::string locator;
      if (!String(locator) || !Expect(':') || !Expect('{')) return false;
      while (true) {
        std::string name, value;
        if (!String(name) || !Expect(':') || !String(value)) return false;
        field(locator, name, std::move(value));
        if (Peek() != ',') break;
        Expect(',');
      }
      if (!Expect('}')) return false;
      if (Peek() != ',') return Expect('}');
      Expect(',');
    }
  }

  // locator → {"case": ..., "event": ...}
  bool Records(LegacyTruth& out) {
    return ObjectsOfStrings([&](const std::string& locator, const std::string& name, std::string value) {
      LegacyTruth::Record& r = out.records[locator];
      if (name == "case") r.case_key = std::move(value);
      if (name == "event") r.event = std::move(value);
    });
  }

  // locator → {"case": ..., "event": ..., "content": ..., "outcome": "attach" | "reject"}
  bool Documents(LegacyTruth& out) {
    return ObjectsOfStrings([&](const std::string& locator, const std::string& name, std::string value) {
      LegacyTruth::Document& d = out.documents[locator];
      if (name == "case") d.case_key = std::move(value);
      if (name == "event") d.event = std::move(value);
      if (name == "content") d.content = std::move(value);
      if (name == "outcome") d.rejected = value == "reject";
    });
  }

  // locator → person
  bool Nominals(LegacyTruth& out) {
    if (!Expect('{')) return false;
    if (Peek() == '}') return Expect('}');
    while (true) {
      std::string locator, person;
      if (!String(locator) || !Expect(':') || !String(person)) return false;
      out.nominals[locator] = std::move(person);
      if (Peek() != ',') return Expect('}');
      Expect(',');
    }
  }

  char Peek() {
    while (i_ < s_.size() && isspace(static_cast<unsigned char>(s_[i_]))) ++i_;
    return i_ < s_.size() ? s_[i_] : '\0';
  }
  bool Expect(char c) {
    if (Peek() != c) return false;
    ++i_;
    return true;
  }
  bool String(std::string& out) {
    if (!Expect('"')) return false;
    while (i_ < s_.size() && s_[i_] != '"') {
      if (s_[i_] == '\\' && i_ + 1 < s_.size()) ++i_;  // \" and \\ only
      out.push_back(s_[i_++]);
    }
    return Expect('"');
  }
  bool SkipValue() {
    const char c = Peek();
    if (c == '"') {
      std::string ignored;
      return String(ignored);
    }
    if (c != '{' && c != '[') return false;
    const char close = c == '{' ? '}' : ']';
    Expect(c);
    if (Peek() == close) return Expect(close);
    while (true) {
      if (c == '{') {
        std::string ignored;
        if (!String(ignored) || !Expect(':')) return false;
      }
      if (!SkipValue()) return false;
      if (Peek() == ',') {
        Expect(',');
        continue;
      }
      return Expect(close);
    }
  }

  std::string s_;
  size_t i_ = 0;
};

}  // namespace

absl::StatusOr<LegacyTruth> ReadLegacyTruth(const std::string& path) {
  LegacyTruth truth;
  if (!TruthScanner(client::ReadWholeFile(path)).Read(truth))
    return absl::InvalidArgumentError(absl::StrCat(path, ": missing, or not a truth.json of a legacy folder"));
  return truth;
}

}  // namespace casefile::bench
