// A form sent while its writer was signed out (a 15-minute idle timeout, a
// sign-out in another tab, casefiled restarting), carried through the
// sign-in page as hidden fields and shown back after it, ready to send: an
// entry, a correction, a restriction, a review, an assignment, a
// supervision step or a review item's decision alike (kept_forms.cc tells
// them by their path). What was typed is never discarded, and nothing is
// written without the writer seeing it again.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_WEB_KEPT_FORM_H_
#define CASEFILE_WEB_KEPT_FORM_H_

#include <map>
#include <optional>
#include <string>

namespace casefile::web {

struct KeptForm {
  std::string path;                           // where it was sent: "/cases/CF-000001/restrict"
  std::map<std::string, std::string> fields;  // as sent (the first of a repeated name), CSRF token apart
};

// The form of a request to `path` with `params` (a multimap of names to
// values, as the HTTP library gives them).
template <typename Params>
KeptForm KeptFormOf(const std::string& path, const Params& params) {
  KeptForm form{path, {}};
  for (const auto& [name, value] : params) {
    if (name != "csrf") form.fields.emplace(name, value);  // emplace keeps the first
  }
  return form;
}

// The hidden fields that carry `form` through the sign-in page
// ("kept-path", and "kept.<name>" for each field).
std::string KeptFormHiddenFields(const KeptForm& form);

// The form the sign-in page carried, if it carried one.
template <typename Params>
std::optional<KeptForm> KeptFormFromSignIn(const Params& params) {
  KeptForm form;
  for (const auto& [name, value] : params) {
    if (name == "kept-path") form.path = value;
    if (name.rfind("kept.", 0) == 0) form.fields.emplace(name.substr(5), value);
  }
  if (form.path.empty()) return std::nullopt;
  return form;
}

// The form's field `name`, "" when it was not sent.
std::string KeptField(const KeptForm& form, const std::string& name);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_KEPT_FORM_H_
