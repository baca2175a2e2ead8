// casefile-web's person pages: the purpose form of a person
// (GET /persons/{id}) and the person's file once a purpose is given
// (POST /persons/{id}, PersonService.GetPersonFile): the person, the cases
// naming them that the reader may know of, their safeguarding records across
// those cases in time order, the attention items about them and the legacy
// records they came from. Server-rendered, no script; every stored string is
// escaped (web/html_escape.h).
//
// Thread-safe: pure functions.
#ifndef CASEFILE_WEB_PERSON_FILE_PAGE_H_
#define CASEFILE_WEB_PERSON_FILE_PAGE_H_

#include <string>

#include "casefile/v1/person.pb.h"

namespace casefile::web {

// "P0123" for "persons/P0123"; "" when `name` is not a person name.
std::string PersonIdOf(const std::string& name);

// The person's name and date of birth and the purpose form (POST
// /persons/{id}); `error` (casefiled's refusal of the last purpose) when not
// empty. `nav` is trusted HTML.
std::string PersonPurposePage(const std::string& nav, const v1::Person& p, const std::string& csrf,
                              const std::string& error);

// The person's file, read by `reader` for `purpose` (both shown, escaped).
std::string PersonFilePage(const std::string& nav, const v1::PersonFile& file, const std::string& reader,
                           const std::string& purpose);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_PERSON_FILE_PAGE_H_
