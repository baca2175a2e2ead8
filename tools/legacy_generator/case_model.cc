#include "tools/legacy_generator/case_model.h"

#include <algorithm>
#include <array>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "tools/legacy_generator/absl_view.h"
#include "tools/legacy_generator/date_forms.h"
#include "tools/legacy_generator/event_wording.h"
#include "tools/legacy_generator/text_noise.h"
#include "tools/legacy_generator/vocabulary.h"

namespace casefile::legacy_generator {
namespace {

using sv = std::string_view;

std::string PickForename(bool male, bool adult, Random& random) {
  if (adult)
    return std::string(random.Pick(male ? vocabulary::MensNames() : vocabulary::WomensNames()));
  return std::string(random.Pick(male ? vocabulary::BoysNames() : vocabulary::GirlsNames()));
}

Address NewAddress(Random& random) {
  // Postcode inward letters never use C, I, K, M, O or V.
  static constexpr sv kInward = "ABDEFGHJLNPQRSTUWXYZ";
  Address a;
  a.line_1 = absl::StrCat(random.Between(1, 140), " ", Av(random.Pick(vocabulary::Streets())));
  a.town = std::string(random.Pick(vocabulary::Towns()));
  a.postcode = absl::StrCat(Av(random.Pick(vocabulary::PostcodeAreas())), " ", random.Between(0, 9),
                            Av(kInward.substr(random.Below(kInward.size()), 1)),
                            Av(kInward.substr(random.Below(kInward.size()), 1)));
  return a;
}

absl::CivilDay YearsBefore(absl::CivilDay day, int years, Random& random) {
  return day - (years * 365 + static_cast<int>(random.Below(365)));
}

// A forename of the given sex that differs from every one in `taken`.
std::string DistinctForename(bool male, const std::vector<Person>& taken, Random& random) {
  for (;;) {
    std::string name = PickForename(male, /*adult=*/false, random);
    if (std::none_of(taken.begin(), taken.end(),
                     [&](const Person& p) { return p.forename == name; })) {
      return name;
    }
  }
}

std::vector<Person> BuildPeople(absl::CivilDay start, const Variations& variations,
                                Random& random) {
  Person child;
  child.role = "child";
  child.male = random.Chance(0.5);
  child.forename = PickForename(child.male, false, random);
  child.date_of_birth = YearsBefore(start, random.Between(1, 15), random);
  child.address = NewAddress(random);

  Person mother;
  mother.role = "mother";
  mother.forename = PickForename(false, true, random);
  mother.surname = std::string(random.Pick(vocabulary::Surnames()));
  mother.date_of_birth = YearsBefore(child.date_of_birth, random.Between(17, 38), random);
  mother.address = child.address;
  child.surname =
      random.Chance(0.85) ? mother.surname : std::string(random.Pick(vocabulary::Surnames()));

  Person adult;
  adult.role = "adult";
  adult.male = random.Chance(0.8);
  adult.forename = PickForename(adult.male, true, random);
  do {
    adult.surname = std::string(random.Pick(vocabulary::Surnames()));
  } while (adult.surname == mother.surname);
  if (random.Chance(0.1)) adult.surname = child.surname;  // the child's father
  adult.date_of_birth = YearsBefore(start, random.Between(20, 50), random);
  adult.address = random.Chance(0.5) ? child.address : NewAddress(random);

  std::vector<Person> people = {child, mother, adult};
  if (!variations.lookalikes) return people;
  // Siblings and twins share the child's surname and address (twins the date
  // of birth too): the nominal matcher must still keep them apart.
  if (random.Chance(0.35)) {
    Person sibling = child;
    sibling.role = "sibling";
    sibling.male = random.Chance(0.5);
    sibling.forename = DistinctForename(sibling.male, people, random);
    const int gap = random.Between(1, 5) * 365 + random.Between(-100, 100);
    sibling.date_of_birth = child.date_of_birth + (random.Chance(0.5) ? gap : -gap);
    people.push_back(sibling);
  }
  if (random.Chance(0.12)) {
    Person twin = child;
    twin.role = "twin";
    twin.male = random.Chance(0.5);
    twin.forename = DistinctForename(twin.male, people, random);
    people.push_back(twin);
  }
  return people;
}

absl::CivilMinute TimeOn(absl::CivilDay day, Random& random) {
  const int minute = random.Chance(0.8) ? 5 * random.Between(0, 11) : random.Between(0, 59);
  return absl::CivilMinute(day.year(), day.month(), day.day(), random.Between(7, 23), minute);
}

constexpr std::array kCommonKinds = {
    EventKind::kReferral,
    EventKind::kStrategyDiscussion,
    EventKind::kAbeInterview,
    EventKind::kHomeVisit,
    EventKind::kHomeVisit,
    EventKind::kMissingEpisode,
    EventKind::kFoundSafe,
    EventKind::kArrest,
    EventKind::kCustody,
    EventKind::kSchoolContact,
    EventKind::kSchoolContact,
    EventKind::kMedical,
    EventKind::kSupervisorReview,
    EventKind::kPhoneCall,
    EventKind::kStrategyDiscussion,
};

struct PlannedEvent {
  absl::CivilMinute when;
  EventKind kind;
  bool weekly_check;
};

std::vector<PlannedEvent> PlanEvents(absl::CivilDay start, const Variations& variations,
                                     Random& random) {
  const int span_days = random.Between(30, 270);
  std::vector<PlannedEvent> plan;
  plan.push_back({TimeOn(start, random), EventKind::kReferral, false});
  const int regular = random.Between(9, 33);
  for (int i = 0; i < regular; ++i) {
    plan.push_back({TimeOn(start + 1 + static_cast<int>(random.Below(span_days)), random),
                    random.Pick<EventKind>(kCommonKinds), false});
  }
  if (variations.dedup_traps && random.Chance(0.6)) {
    const absl::CivilDay first = start + 1 + static_cast<int>(random.Below(span_days));
    const int weeks = random.Between(3, 6);
    for (int w = 0; w < weeks; ++w) {
      plan.push_back({TimeOn(first + 7 * w, random), EventKind::kHomeVisit, true});
    }
  }
  if (variations.dedup_traps && random.Chance(0.5)) {
    const absl::CivilDay day = start + 1 + static_cast<int>(random.Below(span_days));
    const absl::CivilMinute morning(day.year(), day.month(), day.day(), random.Between(8, 12),
                                    5 * random.Between(0, 11));
    plan.push_back({morning, EventKind::kPhoneCall, false});
    plan.push_back({morning + 60 * random.Between(1, 8), EventKind::kPhoneCall, false});
  }
  std::sort(plan.begin(), plan.end(),
            [](const PlannedEvent& a, const PlannedEvent& b) { return a.when < b.when; });
  // No two events of a case at the same minute: the officer would have
  // written them as one entry.
  for (size_t i = 1; i < plan.size(); ++i) {
    if (plan[i].when <= plan[i - 1].when) plan[i].when = plan[i - 1].when + 5;
  }
  return plan;
}

std::string FullName(const Person& p) { return absl::StrCat(p.forename, " ", p.surname); }

}  // namespace

std::string_view XrefKindName(RefKind kind) {
  switch (kind) {
    case RefKind::kCrime:
      return "CRIME";
    case RefKind::kNonCrime:
      return "NON_CRIME";
    case RefKind::kPaperFile:
      return "PAPER_FILE";
  }
  return "";
}

std::string Officer::Display() const {
  return absl::StrFormat("%s %04d %s", rank, collar, surname);
}

std::string Officer::EnteredBy() const {
  std::string name = absl::AsciiStrToLower(surname);
  if (!name.empty()) name[0] = absl::ascii_toupper(name[0]);
  return name;
}

std::string Officer::Folder() const { return absl::StrFormat("%s_%04d", EnteredBy(), collar); }

std::string SubjectLabel(const Person& person, bool with_dob) {
  std::string label = absl::StrCat(person.forename, " ", ToUpperText(person.surname));
  if (with_dob) absl::StrAppend(&label, " (", SlashDate(person.date_of_birth), ")");
  return label;
}

std::vector<LegacyReference> SyntheticCase::AllRefs() const {
  std::vector<LegacyReference> all = crime_refs;
  if (!paper_ref.empty()) all.push_back({paper_ref, RefKind::kPaperFile});
  return all;
}

SyntheticCase BuildCase(int64_t index, const Officer& officer, const Variations& variations,
                        ReferenceAllocator& refs, Random& random) {
  SyntheticCase c;
  c.key = absl::StrFormat("HFD-PVP-%06d", index);
  const absl::CivilDay start =
      absl::CivilDay(random.Between(2008, 2016), 1, 1) + static_cast<int>(random.Below(365));
  c.people = BuildPeople(start, variations, random);
  c.officer = officer;
  c.social_worker = std::string(random.Pick(vocabulary::SocialWorkers()));

  const int crime_count = random.Chance(0.3) ? 2 : 1;
  for (int i = 0; i < crime_count; ++i) {
    const bool crime = i == 0 ? random.Chance(0.85) : random.Chance(0.5);
    c.crime_refs.push_back({refs.NewCrimeRef(start.year() + random.Between(0, 1), random),
                            crime ? RefKind::kCrime : RefKind::kNonCrime});
  }
  if (random.Chance(0.75)) c.paper_ref = refs.NewPaperRef(start.year(), random);
  c.has_log = random.Chance(0.95);

  WordingContext context{
      .child = FullName(c.child()),
      .mother = FullName(c.mother()),
      .adult = FullName(c.adult()),
      .child_male = c.child().male,
      .address = absl::StrCat(c.child().address.line_1, ", ", c.child().address.town),
      .officer = officer.Display(),
      .social_worker = c.social_worker,
      .health = std::string(random.Pick(vocabulary::HealthProfessionals())),
      .school = std::string(random.Pick(vocabulary::Schools())),
      .crime_ref = c.crime_refs[0].ref,
  };
  const std::string weekly_text = WordWeeklyWelfareCheck(context, random);
  absl::flat_hash_set<std::string> texts;
  for (const PlannedEvent& planned : PlanEvents(start, variations, random)) {
    TrueEvent e;
    e.number = static_cast<int>(c.events.size()) + 1;
    e.when = planned.when;
    e.shared_wording = planned.weekly_check;
    if (planned.weekly_check) {
      e.text = weekly_text;
    } else {
      // Distinct events of one case never share a wording by accident; only
      // the weekly checks do, on purpose.
      do {
        e.text = WordEvent(planned.kind, context, absl::CivilDay(planned.when), random);
      } while (!texts.insert(e.text).second || e.text == weekly_text);
    }
    e.doc_type = PaperDocType(planned.kind, random);
    e.crime_ref = random.Below(c.crime_refs.size());
    e.in_log = c.has_log && random.Chance(0.85);
    e.in_crime = random.Chance(0.7);
    e.in_paper = !c.paper_ref.empty() && random.Chance(0.4);
    if (!e.in_log && !e.in_crime && !e.in_paper) (c.has_log ? e.in_log : e.in_crime) = true;
    c.events.push_back(std::move(e));
  }
  return c;
}

}  // namespace casefile::legacy_generator
