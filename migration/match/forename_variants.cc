#include "migration/match/forename_variants.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"

namespace casefile::migration {
namespace {

// One family per line: full names, then '|', then nicknames. A name may sit
// in several families ("sam": Samuel and Samantha).
constexpr std::string_view kFamilies[] = {
    "william|bill billy will willy willie liam",
    "robert|bob bobby rob robbie bert",
    "richard|dick rick ricky rich richie",
    "edward edwin edmund|ed eddie eddy ted teddy ned",
    "john|jack johnny jon jonny",
    "jonathan|jon jonny",
    "james|jim jimmy jamie jimbo",
    "thomas|tom tommy",
    "henry harold|harry hal hank",
    "michael|mike mick mickey mikey",
    "christopher|chris kit topher",
    "christine christina|chris chrissie tina",
    "nicholas|nick nicky nico",
    "nicola nicole|nicky nikki",
    "anthony|tony ant",
    "stephen|steve stevie",
    "steven|steve stevie",
    "david|dave davy",
    "andrew|andy drew",
    "matthew|matt matty",
    "benjamin|ben benny",
    "joseph|joe joey jo",
    "joanne joanna|jo jojo",
    "samuel|sam sammy",
    "samantha|sam sammy",
    "alexander alexandra|alex al lexi sandy",
    "alexis|alex lexi",
    "daniel|dan danny",
    "danielle|dani danni",
    "charles|charlie chas chuck",
    "charlotte|charlie lottie lotte",
    "frederick alfred|fred freddie freddy alfie",
    "oliver|olly ollie",
    "theodore|theo ted",
    "jessica|jess jessie",
    "patrick|pat paddy",
    "patricia|pat patty tricia trish",
    "gerald geraldine|gerry",
    "terence|terry",
    "theresa|tess tessa terri",
    "teresa|tess tessa terri",
    "ronald|ron ronnie",
    "donald|don donnie",
    "leonard|len lenny leo",
    "reginald|reg reggie",
    "philip|phil pip",
    "phillip|phil pip",
    "gregory|greg",
    "timothy|tim timmy",
    "kenneth|ken kenny",
    "raymond|ray",
    "douglas|doug dougie",
    "gary gareth|gaz",
    "stuart|stu",
    "stewart|stu",
    "zachary|zac zack zak",
    "joshua|josh",
    "jacob|jake",
    "nathan nathaniel|nate nat",
    "archibald|archie",
    "elizabeth|liz lizzie lizzy beth betty bet eliza libby",
    "margaret|maggie meg peggy madge",
    "catherine|kate katie kat cath cathy kitty",
    "katherine|kate katie kat kathy kitty",
    "kathryn|kate katie kat kathy",
    "jennifer|jen jenny",
    "susan|sue suzy susie",
    "suzanne|sue suzy",
    "rebecca|becky becca",
    "victoria|vicky vicki tori",
    "deborah|debbie debs",
    "debra|debbie debs",
    "amanda|mandy",
    "sandra|sandy",
    "eleanor ellen elena|ellie nell nellie",
    "abigail|abbie abby abi",
    "madison|maddie maddy",
    "madeline|maddie maddy",
    "madeleine|maddie maddy",
    "isabel|izzy issy",
    "isabella|izzy bella issy",
    "isobel|izzy issy",
    "amelia camilla mildred|millie milly",
    "evelyn|evie eve",
    "ann|annie",
    "anne|annie",
    "anna|annie",
    "kimberley|kim",
    "kimberly|kim",
    "melanie melissa|mel",
    "rosemary|rosie",
    "rose|rosie",
    "cassandra|cassie",
    "louise louisa|lou",
    "dorothy|dot dotty",
    "florence|flo florrie",
    "josephine|jo josie",
    "stephanie|steph",
    "harriet|hattie hatty",
    "bethany|beth",
    "olivia|liv livvy",
    "natalie natasha|nat tash",
    "francis frances|fran frankie",
    "franklin|frank frankie",
};

// Look-alike pairs that are different names (and often twins' names),
// beyond the masculine/feminine endings of AreGenderedForms.
constexpr std::pair<std::string_view, std::string_view> kDistinctPairs[] = {
    {"michael", "michaela"}, {"patrick", "patricia"}, {"george", "georgia"},
    {"george", "georgina"},  {"julian", "juliana"},   {"nicholas", "nicola"},
    {"jesse", "jessie"},     {"oliver", "olivia"},    {"dean", "deanna"},
    {"leo", "leah"},         {"ella", "ellie"},       {"harry", "harvey"},
    {"john", "joan"},        {"jack", "jake"},        {"alfie", "albie"},
    {"jon", "jan"},          {"louis", "louise"},     {"julian", "julia"},
};

// Endings that turn one form of a name into the other once a common stem of
// three letters or more is taken off both (sorted pairs).
// (A bare "e" or "n" is left out: dropping a last letter is the commoner
// typing error.)
constexpr std::pair<std::string_view, std::string_view> kGenderedEndings[] = {
    {"", "a"},    {"", "le"},  {"", "elle"}, {"", "ette"}, {"", "ia"},
    {"", "ina"},  {"an", "na"}, {"a", "o"},  {"es", "is"},
};

struct Membership {
  int family;
  bool full_name;
};

struct Tables {
  absl::flat_hash_map<std::string, ForenameId> ids;
  std::vector<std::vector<Membership>> families;  // by id
  std::vector<std::vector<ForenameId>> distinct;  // by id
};

ForenameId Intern(Tables& tables, const std::string& name) {
  auto [it, added] = tables.ids.emplace(
      name, static_cast<ForenameId>(tables.families.size()));
  if (added) {
    tables.families.emplace_back();
    tables.distinct.emplace_back();
  }
  return it->second;
}

const Tables& GetTables() {
  static const Tables* const kTables = [] {
    auto* tables = new Tables();
    for (int family = 0; family < static_cast<int>(std::size(kFamilies));
         ++family) {
      bool full_name = true;  // until the '|'
      std::string name;
      for (char c : std::string(kFamilies[family]) + " ") {
        if (c == ' ' || c == '|') {
          if (!name.empty()) {
            tables->families[Intern(*tables, name)].push_back({family, full_name});
          }
          name.clear();
          if (c == '|') full_name = false;
        } else {
          name.push_back(c);
        }
      }
    }
    for (const auto& [x, y] : kDistinctPairs) {
      const ForenameId a = Intern(*tables, std::string(x));
      const ForenameId b = Intern(*tables, std::string(y));
      tables->distinct[a].push_back(b);
      tables->distinct[b].push_back(a);
    }
    return tables;
  }();
  return *kTables;
}

}  // namespace

bool AreGenderedForms(std::string_view a, std::string_view b) {
  size_t stem = 0;
  while (stem < a.size() && stem < b.size() && a[stem] == b[stem]) ++stem;
  if (stem < 3) return false;
  std::string_view x = a.substr(stem), y = b.substr(stem);
  if (y < x) std::swap(x, y);
  for (const auto& [first, second] : kGenderedEndings) {
    if (x == first && y == second) {
      // -ian/-ina (Kristian, Kristina); elsewhere "an" against "na" is two
      // letters typed the wrong way round (Logan, Logna).
      return first != "an" || a[stem - 1] == 'i';
    }
  }
  return false;
}

ForenameId LookupForename(std::string_view name) {
  const Tables& tables = GetTables();
  auto it = tables.ids.find(absl::string_view(name.data(), name.size()));
  return it == tables.ids.end() ? kUnknownForename : it->second;
}

std::vector<std::string> ForenameFamilyKeys(std::string_view name) {
  const ForenameId id = LookupForename(name);
  std::vector<std::string> keys;
  if (id == kUnknownForename) return keys;
  for (const Membership& m : GetTables().families[id]) {
    const std::string_view family = kFamilies[m.family];
    keys.emplace_back(family.substr(0, family.find_first_of(" |")));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

bool AreForenameVariants(ForenameId a, ForenameId b) {
  if (a == kUnknownForename || b == kUnknownForename || a == b) return false;
  const Tables& tables = GetTables();
  for (const Membership& x : tables.families[a]) {
    for (const Membership& y : tables.families[b]) {
      if (x.family == y.family && !(x.full_name && y.full_name)) return true;
    }
  }
  return false;
}

bool AreDistinctForenames(ForenameId a, ForenameId b) {
  if (a == kUnknownForename || b == kUnknownForename || a == b) return false;
  const Tables& tables = GetTables();
  for (ForenameId other : tables.distinct[a]) {
    if (other == b) return true;
  }
  for (const Membership& x : tables.families[a]) {
    for (const Membership& y : tables.families[b]) {
      if (x.family == y.family && x.full_name && y.full_name) return true;
    }
  }
  return false;
}

bool AreForenameVariants(std::string_view a, std::string_view b) {
  return AreForenameVariants(LookupForename(a), LookupForename(b));
}

bool AreDistinctForenames(std::string_view a, std::string_view b) {
  return AreGenderedForms(a, b) ||
         AreDistinctForenames(LookupForename(a), LookupForename(b));
}

}  // namespace casefile::migration
