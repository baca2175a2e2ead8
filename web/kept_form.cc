#include "web/kept_form.h"

#include "absl/strings/str_cat.h"
#include "web/form_html.h"

namespace casefile::web {

std::string KeptFormHiddenFields(const KeptForm& form) {
  std::string out = Hidden("kept-path", form.path);
  for (const auto& [name, value] : form.fields) out += Hidden(absl::StrCat("kept.", name), value);
  return out;
}

std::string KeptField(const KeptForm& form, const std::string& name) {
  auto it = form.fields.find(name);
  return it == form.fields.end() ? "" : it->second;
}

}  // namespace casefile::web
