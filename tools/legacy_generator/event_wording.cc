#include "tools/legacy_generator/event_wording.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "absl/strings/str_format.h"
#include "tools/legacy_generator/date_forms.h"
#include "tools/legacy_generator/vocabulary.h"

namespace casefile::legacy_generator {
namespace {

using sv = std::string_view;

// Templates name their blanks in braces; Expand fills each blank afresh, so
// "{time}" twice gives two different times.
constexpr std::array kReferral = {
    sv("Referral received from {agency} about {child}."),
    sv("CSC referral passed to PVP in respect of {child}."),
    sv("Notification from {agency} concerning {child}; {mother} is aware."),
    sv("Referral from {agency}: {child} arrived with a mark to {his} face."),
};
constexpr std::array kStrategy = {
    sv("Strategy discussion by telephone with {sw} (CSC), {health} and {officer}."),
    sv("S47 strategy meeting at {meeting}: present {sw}, {health}, {officer}."),
    sv("Strategy meeting reconvened at {meeting} with {sw} and {health}."),
};
constexpr std::array kAbe = {
    sv("ABE interview of {child} completed at {meeting}."),
    sv("Achieving Best Evidence interview with {child} at {meeting}; recording exhibited."),
    sv("{child} declined to take part in an ABE interview at {meeting}."),
};
constexpr std::array kHomeVisit = {
    sv("Joint home visit with {sw} to {address}."),
    sv("Attended {address} with {sw} for an unannounced visit."),
    sv("Visited {address}; {mother} present, {adult} not seen."),
};
constexpr std::array kMissing = {
    sv("{child} reported missing from {address} at {time}."),
    sv("Missing episode: {child} did not return to {address} by {time}."),
    sv("{mother} rang to report {child} missing since {time}."),
};
constexpr std::array kFound = {
    sv("{child} found at {found} by patrols at {time} and taken home."),
    sv("{child} located at {found} at {time}; return interview requested."),
};
constexpr std::array kArrest = {
    sv("{adult} arrested at {address} and taken to {custody}."),
    sv("{adult} arrested on suspicion of assault on {child} and conveyed to {custody}."),
};
constexpr std::array kCustody = {
    sv("{adult} booked into {custody} at {time}; interviewed under caution."),
    sv("{adult} interviewed at {custody}; made no comment throughout."),
    sv("{adult} released on bail from {custody} with conditions not to contact {child}."),
};
constexpr std::array kSchool = {
    sv("Telephone call to the DSL at {school}."),
    sv("Spoke with the head of year at {school} about {child}."),
    sv("School contact: {school} report {child}'s attendance at {pct}% with {n} unauthorised "
       "absences."),
    sv("Email from the attendance officer at {school} regarding {child}."),
};
constexpr std::array kMedical = {
    sv("Child protection medical for {child} completed by {health}."),
    sv("{child} seen by {health}; injuries consistent with the account given."),
};
constexpr std::array kSupervisor = {
    sv("Supervisor review by DS {reviewer}."),
    sv("Case reviewed at the daily PVP tasking meeting."),
    sv("Supervisor review: investigation plan agreed with DS {reviewer}."),
};
constexpr std::array kPhoneCall = {
    sv("Telephone call to {mother}."),
    sv("Telephone call from {mother}."),
    sv("Telephone call to {sw}."),
};
constexpr std::array kDetail = {
    sv("Action: {sw} to book a child protection medical with {health} by {date}."),
    sv("{adult} has previous for {offence}; DASH completed, graded {grade}."),
    sv("Bruising of about {n}cm seen to {body}; photographed by {sw}."),
    sv("{mother} said {adult} had not stayed at the address since {past}."),
    sv("{child} disclosed that {adult} had {act} on {past}."),
    sv("Decision: S47 threshold met; {sw} to lead, police to investigate in parallel."),
    sv("Decision: no further police action for now; CSC to carry out a single assessment."),
    sv("Information shared with the DSL at {school} under the information sharing "
       "agreement."),
    sv("Return home interview to be done by CSC within 72 hours."),
    sv("Neighbour at No. {n} heard shouting from the address on the evening of {past}."),
    sv("GP records show {n} A&E attendances in the past year."),
    sv("Appropriate adult requested at {time}; {aa} attended at {later}."),
    sv("Cash of £{amount} found in {child}'s bedroom; no explanation given."),
    sv("{mother} told officers she owes £{amount} to {adult}."),
    sv("Crime record {ref} updated and log cross-referenced."),
    sv("{mother} would not engage and shut the door; advice given through the letterbox."),
    sv("{child} said \"I don't want to go home\" and was upset."),
    sv("{child} seen alone in {his} bedroom; appeared {mood}."),
    sv("Action: {officer} to complete PNC and intelligence checks on {adult} by {date}."),
    sv("{child} told {sw} that {he} felt safe with {mother}."),
    sv("Bail refused; the local authority asked for accommodation at {time}."),
};
constexpr std::array kOffence = {sv("common assault"),
                                 sv("ABH"),
                                 sv("criminal damage"),
                                 sv("harassment"),
                                 sv("breach of a non-molestation order"),
                                 sv("possession of cannabis")};
constexpr std::array kGrade = {sv("standard"), sv("medium"), sv("high")};
constexpr std::array kBody = {sv("the left forearm"), sv("the right cheek"), sv("the upper arm"),
                              sv("the lower back"), sv("the shin")};
constexpr std::array kAct = {sv("slapped {him}"), sv("pushed {him} into a door"),
                             sv("thrown a mug at {him}"), sv("locked {him} out overnight"),
                             sv("grabbed {his} wrist")};
constexpr std::array kAppropriateAdult = {sv("{his} grandmother"), sv("an AA from the scheme"),
                                          sv("{his} uncle")};
constexpr std::array kMood = {sv("quiet"), sv("withdrawn"), sv("chatty"), sv("tired"),
                              sv("anxious")};
constexpr std::array kReviewers = {sv("Langford"), sv("Okonjo"), sv("Beddoes"), sv("Harte")};
constexpr std::array kWelfare = {
    sv("Weekly welfare check at {address}. {child} seen alone and appeared settled. Nothing "
       "further to report."),
    sv("Weekly welfare visit to {address}. {child} seen and spoken to alone; no concerns."),
    sv("Routine weekly welfare check at {address}: {child} seen, home conditions adequate."),
};

class Expander {
 public:
  Expander(const WordingContext& context, absl::CivilDay day, Random& random)
      : c_(context), day_(day), random_(random) {}

  void Expand(sv pattern, std::string& out) {
    size_t i = 0;
    while (i < pattern.size()) {
      const size_t open = pattern.find('{', i);
      if (open == sv::npos) break;
      const size_t close = pattern.find('}', open);
      out.append(pattern.substr(i, open - i));
      Fill(pattern.substr(open + 1, close - open - 1), out);
      i = close + 1;
    }
    if (i < pattern.size()) out.append(pattern.substr(i));
  }

 private:
  void Fill(sv blank, std::string& out) {
    // Blanks naming the case's people and places.
    const std::pair<sv, sv> fixed[] = {
        {"child", c_.child},
        {"mother", c_.mother},
        {"adult", c_.adult},
        {"address", c_.address},
        {"officer", c_.officer},
        {"sw", c_.social_worker},
        {"health", c_.health},
        {"school", c_.school},
        {"ref", c_.crime_ref},
        {"his", c_.child_male ? "his" : "her"},
        {"him", c_.child_male ? "him" : "her"},
        {"he", c_.child_male ? "he" : "she"},
    };
    for (const auto& [name, value] : fixed) {
      if (name == blank) {
        out += value;
        return;
      }
    }
    // Blanks drawn afresh from a list; "act" and "aa" hold blanks themselves.
    const std::pair<sv, std::span<const sv>> lists[] = {
        {"agency", vocabulary::ReferringAgencies()},
        {"meeting", vocabulary::MeetingPlaces()},
        {"found", vocabulary::PlacesFound()},
        {"custody", vocabulary::CustodySuites()},
        {"offence", kOffence},
        {"grade", kGrade},
        {"body", kBody},
        {"mood", kMood},
        {"reviewer", kReviewers},
        {"act", kAct},
        {"aa", kAppropriateAdult},
    };
    for (const auto& [name, list] : lists) {
      if (name == blank) {
        Expand(random_.Pick(list), out);
        return;
      }
    }
    // Times, dates and numbers.
    if (blank == "time") {
      last_time_ =
          absl::CivilMinute(day_) + 60 * random_.Between(0, 22) + 5 * random_.Between(0, 11);
      out += Clock(last_time_);
    } else if (blank == "later") {
      out += Clock(last_time_ + 5 * random_.Between(6, 36));
    } else if (blank == "date") {
      out += SlashDate(day_ + random_.Between(1, 12));  // a deadline
    } else if (blank == "past") {
      out += SlashDate(day_ - random_.Between(1, 12));
    } else if (blank == "n") {
      out += absl::StrFormat("%d", random_.Between(2, 15));
    } else if (blank == "pct") {
      out += absl::StrFormat("%d", random_.Between(55, 97));
    } else if (blank == "amount") {
      out += absl::StrFormat("%d", 10 * random_.Between(2, 30));
    }
  }

  static std::string Clock(absl::CivilMinute t) {
    return absl::StrFormat("%02d:%02d", t.hour(), t.minute());
  }

  const WordingContext& c_;
  const absl::CivilDay day_;
  Random& random_;
  absl::CivilMinute last_time_;
};

std::span<const sv> OpeningsFor(EventKind kind) {
  switch (kind) {
    case EventKind::kReferral:
      return kReferral;
    case EventKind::kStrategyDiscussion:
      return kStrategy;
    case EventKind::kAbeInterview:
      return kAbe;
    case EventKind::kHomeVisit:
      return kHomeVisit;
    case EventKind::kMissingEpisode:
      return kMissing;
    case EventKind::kFoundSafe:
      return kFound;
    case EventKind::kArrest:
      return kArrest;
    case EventKind::kCustody:
      return kCustody;
    case EventKind::kSchoolContact:
      return kSchool;
    case EventKind::kMedical:
      return kMedical;
    case EventKind::kSupervisorReview:
      return kSupervisor;
    case EventKind::kPhoneCall:
    case EventKind::kCount:
      break;
  }
  return kPhoneCall;
}

}  // namespace

std::string WordEvent(EventKind kind, const WordingContext& context, absl::CivilDay day,
                      Random& random) {
  Expander expander(context, day, random);
  std::string text;
  expander.Expand(random.Pick(OpeningsFor(kind)), text);
  // A call is only its opening plus what was said: at least one detail, so two
  // calls on one day read differently.
  const int details = random.Between(kind == EventKind::kPhoneCall ? 1 : 0, 3);
  size_t used[3] = {kDetail.size(), kDetail.size(), kDetail.size()};
  for (int i = 0; i < details; ++i) {
    size_t pick;
    do {
      pick = random.Below(kDetail.size());
    } while (std::find(used, used + i, pick) != used + i);  // each detail once
    used[i] = pick;
    text += ' ';
    expander.Expand(kDetail[pick], text);
  }
  return text;
}

std::string WordWeeklyWelfareCheck(const WordingContext& context, Random& random) {
  std::string text;
  Expander(context, absl::CivilDay(), random).Expand(random.Pick<sv>(kWelfare), text);
  return text;
}

std::string PaperDocType(EventKind kind, Random& random) {
  switch (kind) {
    case EventKind::kReferral:
      return random.Chance(0.7) ? "Referral" : "Case note";
    case EventKind::kStrategyDiscussion:
      return "Strategy Discussion";
    case EventKind::kHomeVisit:
      return "Visit record";
    case EventKind::kPhoneCall:
    case EventKind::kSchoolContact:
      return "Contact log";
    default:
      break;
  }
  static constexpr std::array kOthers = {sv("Case note"), sv("Visit record"), sv("Contact log"),
                                         sv("Case note")};
  return std::string(random.Pick<sv>(kOthers));
}

}  // namespace casefile::legacy_generator
