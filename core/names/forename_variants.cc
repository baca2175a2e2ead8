#include "core/names/forename_variants.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"

namespace casefile {
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
    // One name in several spellings (the others listed as its variants), so
    // that a spelling is not taken for another child's name.
    "tracy|tracey",
    "lynn|lynne",
    "carol|carole",
    "elliot|elliott",
    "lily|lilly",
    "finley|finlay",
    "marion|marian",
    "sarah|sara",
    "mark|marc",
    "teresa|theresa",
    "philip|phillip",
    "ann|anne",
    "louis|louie",
    "geoffrey|jeffrey",
    "katherine|catherine kathryn",
    "muhammad|mohammed mohammad mohamed",
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

// Forenames common in their own right in England and Wales (girls' and
// boys' names of the last ninety years; the generator's names among them).
// A typing slip that turns one of these into another ("mark", "mary") may be
// a brother's or sister's real name: one case file's twins and siblings are
// told apart by such names, so the matcher asks an operator there.
constexpr std::string_view kCommonForenames[] = {
    // Girls and women.
    "abigail", "ada", "adele", "agnes", "aimee", "alice", "alicia", "alison", "amanda",
    "amber", "amelia", "amy", "andrea", "angela", "ann", "anna", "anne", "annie", "april",
    "aria", "ava", "barbara", "beatrice", "beth", "bethany", "betty", "beverley", "brenda",
    "bridget", "caitlin", "carla", "carly", "carol", "carole", "caroline", "charlene",
    "charlotte", "chelsea", "chloe", "christine", "claire", "clara", "courtney", "daisy",
    "dawn", "debbie", "deborah", "debra", "denise", "diana", "diane", "donna", "dora",
    "doris", "dorothy", "edith", "eileen", "elaine", "eleanor", "elena", "eliza",
    "elizabeth", "ella", "elle", "ellen", "ellie", "eloise", "elsie", "emily", "emma",
    "erin", "esme", "esther", "eva", "eve", "evelyn", "evie", "faith", "fay", "ffion",
    "florence", "frances", "freya", "gail", "gemma", "georgia", "gillian", "gladys",
    "grace", "gwen", "hannah", "harriet", "hayley", "hazel", "heather", "heidi", "helen",
    "holly", "hope", "ida", "imogen", "irene", "iris", "isabel", "isabella", "isla", "ivy",
    "jade", "jane", "janet", "janice", "jean", "jennifer", "jenny", "jessica", "jill",
    "joan", "joanna", "joanne", "jodie", "josephine", "joy", "joyce", "judith", "julia",
    "julie", "june", "karen", "kate", "katherine", "kathleen", "kathryn", "katie", "kay",
    "kayleigh", "kelly", "kerry", "kim", "kimberley", "kirsty", "lacey", "laura", "lauren",
    "layla", "leah", "leanne", "lesley", "lily", "lilly", "linda", "lisa", "lois", "lola",
    "lorna", "lorraine", "louise", "lucy", "lydia", "lynn", "lynne", "mabel", "madison",
    "maisie", "mandy", "margaret", "maria", "marian", "marie", "marion", "martha", "mary",
    "maureen", "maya", "megan", "melanie", "melissa", "mia", "michelle", "mildred",
    "millie", "miriam", "molly", "monica", "nancy", "naomi", "natalie", "natasha", "nell",
    "nia", "niamh", "nicola", "nicole", "nina", "nora", "norma", "olive", "olivia",
    "paige", "pamela", "patricia", "paula", "pauline", "pearl", "penny", "phoebe",
    "phyllis", "poppy", "rachel", "rebecca", "renee", "rhian", "rita", "robyn", "rose",
    "rosie", "ruby", "ruth", "sadie", "saffron", "sally", "samantha", "sandra", "sara",
    "sarah", "scarlett", "shannon", "sharon", "sheila", "shirley", "sian", "sienna",
    "skye", "sofia", "sophia", "sophie", "stacey", "stella", "stephanie", "susan",
    "suzanne", "sylvia", "tanya", "tara", "teresa", "theresa", "tia", "tina", "toni",
    "tracey", "tracy", "valerie", "vanessa", "vera", "veronica", "victoria", "violet",
    "wendy", "willow", "yvonne", "zara", "zoe",
    // Boys and men.
    "aaron", "adam", "adrian", "aidan", "alan", "albert", "albie", "alex", "alexander",
    "alfie", "alfred", "ali", "alistair", "andrew", "angus", "anthony", "archie", "arthur",
    "ashley", "austin", "barry", "ben", "benjamin", "bernard", "bill", "billy", "bob",
    "bradley", "brandon", "brian", "bruce", "callum", "calvin", "cameron", "carl",
    "charles", "charlie", "chris", "christopher", "clive", "colin", "connor", "craig",
    "dale", "damian", "daniel", "danny", "darren", "david", "dean", "declan", "dennis",
    "derek", "dominic", "donald", "douglas", "dylan", "eddie", "edward", "elliot",
    "elliott", "eric", "ethan", "evan", "felix", "finlay", "finley", "frank", "frankie",
    "fred", "freddie", "frederick", "gabriel", "gareth", "gary", "gavin", "geoffrey",
    "george", "gerald", "gordon", "graham", "grant", "harley", "harrison", "harry",
    "harvey", "hayden", "henry", "howard", "hugh", "hugo", "ian", "isaac", "ivan", "jack",
    "jacob", "jake", "james", "jamie", "jason", "jay", "jayden", "jeffrey", "jeremy",
    "jesse", "jim", "joe", "joel", "john", "jon", "jonathan", "jordan", "jose", "joseph",
    "josh", "joshua", "jude", "julian", "justin", "kai", "karl", "keith", "kevin",
    "kieran", "kyle", "lee", "leo", "leon", "leonard", "lewis", "liam", "logan", "louie",
    "louis", "luca", "lucas", "luke", "malcolm", "marc", "marcus", "mark", "martin",
    "mason", "matthew", "max", "michael", "mike", "mitchell", "mohammed", "muhammad",
    "nathan", "neil", "nicholas", "nick", "noah", "norman", "oliver", "ollie", "oscar",
    "owain", "owen", "patrick", "paul", "peter", "philip", "phillip", "ralph", "raymond",
    "reece", "rhys", "richard", "riley", "rob", "robert", "robin", "roger", "ronald",
    "ross", "roy", "russell", "ryan", "sam", "samuel", "scott", "sean", "sebastian",
    "shane", "shaun", "simon", "spencer", "stanley", "stephen", "steve", "steven",
    "stuart", "terry", "theo", "thomas", "timothy", "toby", "tom", "tommy", "tony",
    "trevor", "tyler", "victor", "vincent", "walter", "warren", "wayne", "william", "zac",
    "zachary",
};

struct Membership {
  int family;
  bool full_name;
};

struct Tables {
  absl::flat_hash_map<std::string, ForenameId> ids;
  std::vector<std::vector<Membership>> families;  // by id
  struct Member {
    std::string name;
    bool full_name;
    ForenameId id;
  };
  std::vector<std::vector<Member>> members;  // by family
  std::vector<std::vector<ForenameId>> distinct;  // by id
  std::vector<bool> common;                        // by id
};

ForenameId Intern(Tables& tables, const std::string& name) {
  auto [it, added] = tables.ids.emplace(
      name, static_cast<ForenameId>(tables.families.size()));
  if (added) {
    tables.families.emplace_back();
    tables.distinct.emplace_back();
    tables.common.push_back(false);
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
      tables->members.emplace_back();
      for (char c : std::string(kFamilies[family]) + " ") {
        if (c == ' ' || c == '|') {
          if (!name.empty()) {
            const ForenameId id = Intern(*tables, name);
            tables->families[id].push_back({family, full_name});
            tables->members[family].push_back({name, full_name, id});
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
    for (std::string_view name : kCommonForenames) {
      tables->common[Intern(*tables, std::string(name))] = true;
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

bool AnyVariant(ForenameId id, absl::FunctionRef<bool(std::string_view)> test) {
  if (id == kUnknownForename) return false;
  const Tables& tables = GetTables();
  for (const Membership& x : tables.families[id]) {
    for (const Tables::Member& m : tables.members[x.family]) {
      // Two full names of one family are two people (Alexander, Alexandra).
      if (m.id == id || (x.full_name && m.full_name)) continue;
      if (test(m.name)) return true;
    }
  }
  return false;
}

bool IsCommonForename(ForenameId id) {
  return id != kUnknownForename && GetTables().common[id];
}

bool AreForenameVariants(std::string_view a, std::string_view b) {
  return AreForenameVariants(LookupForename(a), LookupForename(b));
}

bool AreDistinctForenames(std::string_view a, std::string_view b) {
  return AreGenderedForms(a, b) ||
         AreDistinctForenames(LookupForename(a), LookupForename(b));
}

}  // namespace casefile
