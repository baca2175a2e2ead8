#include "tools/legacy_generator/vocabulary.h"

#include <array>
#include <utility>

namespace casefile::legacy_generator::vocabulary {
namespace {

using sv = std::string_view;

// Names with diacritics (Zoë, Siân, José, ...) are in the lists on purpose:
// the readers must carry them through both UTF-8 and Windows-1252 files.
constexpr std::array kGirls = {
    sv("Amber"),    sv("Bethany"), sv("Chloë"),   sv("Daisy"),   sv("Ellie"),     sv("Evie"),
    sv("Ffion"),    sv("Grace"),   sv("Harriet"), sv("Isla"),    sv("Jessica"),   sv("Kayleigh"),
    sv("Lacey"),    sv("Lily"),    sv("Megan"),   sv("Millie"),  sv("Niamh"),     sv("Olivia"),
    sv("Poppy"),    sv("Rebecca"), sv("Ruby"),    sv("Saffron"), sv("Siân"),      sv("Tia"),
    sv("Victoria"), sv("Willow"),  sv("Zoë"),     sv("Amelia"),  sv("Charlotte"), sv("Renée")};
constexpr std::array kBoys = {
    sv("Alfie"),  sv("Archie"), sv("Bradley"), sv("Callum"), sv("Connor"),   sv("Dylan"),
    sv("Ethan"),  sv("Finley"), sv("Harvey"),  sv("Jack"),   sv("Jayden"),   sv("José"),
    sv("Kai"),    sv("Kieran"), sv("Leo"),     sv("Logan"),  sv("Mason"),    sv("Noah"),
    sv("Oliver"), sv("Owain"),  sv("Reece"),   sv("Rhys"),   sv("Riley"),    sv("Seán"),
    sv("Thomas"), sv("Tyler"),  sv("William"), sv("Zac"),    sv("Benjamin"), sv("Alexander")};
constexpr std::array kWomen = {
    sv("Amanda"),    sv("Carly"),     sv("Charlene"), sv("Deborah"),   sv("Gemma"),  sv("Hayley"),
    sv("Jennifer"),  sv("Karen"),     sv("Kelly"),    sv("Kimberley"), sv("Leanne"), sv("Lisa"),
    sv("Marie"),     sv("Natalie"),   sv("Rachel"),   sv("Samantha"),  sv("Sarah"),  sv("Sharon"),
    sv("Stacey"),    sv("Stephanie"), sv("Susan"),    sv("Tracey"),    sv("Zoë"),    sv("Siân"),
    sv("Katherine"), sv("Margaret"),  sv("Patricia"), sv("Dawn"),      sv("Nicole"), sv("Jodie")};
constexpr std::array kMen = {
    sv("Andrew"),   sv("Anthony"), sv("Carl"),    sv("Christopher"), sv("Craig"),   sv("Daniel"),
    sv("Darren"),   sv("Dean"),    sv("Gareth"),  sv("Jamie"),       sv("Jason"),   sv("José"),
    sv("Kevin"),    sv("Lee"),     sv("Mark"),    sv("Martin"),      sv("Michael"), sv("Nathan"),
    sv("Nicholas"), sv("Paul"),    sv("Richard"), sv("Robert"),      sv("Ryan"),    sv("Scott"),
    sv("Shane"),    sv("Stuart"),  sv("Wayne"),   sv("Joseph"),      sv("James"),   sv("Steven")};
constexpr std::array kSurnames = {
    sv("Ashdown"),     sv("Bellamy"),   sv("Birchall"), sv("Brookes"),   sv("Caddick"),
    sv("Carwardine"),  sv("Cotterell"), sv("Dallow"),   sv("Ellery"),    sv("Fennimore"),
    sv("Gittins"),     sv("Hadley"),    sv("Harcourt"), sv("Hollins"),   sv("Jenner"),
    sv("Kedward"),     sv("Lamputt"),   sv("Lingen"),   sv("Maddox"),    sv("Marchant"),
    sv("Morgan"),      sv("Nash"),      sv("O'Dowd"),   sv("Parry"),     sv("Probert"),
    sv("Quarrell"),    sv("Rudge"),     sv("Sankey"),   sv("Seabourne"), sv("Thorne"),
    sv("Tudge"),       sv("Vobe"),      sv("Wellings"), sv("Whitcombe"), sv("Yapp"),
    sv("Price-Jones"), sv("Núñez"),     sv("Bowkett"),  sv("Gwatkin"),   sv("Powles"),
    sv("Eckley"),      sv("Hartland"),  sv("Jauncey"),  sv("Mapp"),      sv("Pantall"),
    sv("Ricketts"),    sv("Symonds"),   sv("Tranmer"),  sv("Vaughan"),   sv("Wilding")};
constexpr std::array kOfficers = {
    sv("ALDRIDGE"),  sv("BANNISTER"), sv("CASSIDY"),   sv("DAWKES"),  sv("EVERALL"),
    sv("FROST"),     sv("GODDING"),   sv("HOLDER"),    sv("INGRAM"),  sv("JARMAN"),
    sv("KENNARD"),   sv("LOCKLEY"),   sv("MEREDITH"),  sv("NORBURY"), sv("OSGOOD"),
    sv("PENRY"),     sv("QUINTON"),   sv("ROWBERRY"),  sv("SALTER"),  sv("TEAGUE"),
    sv("UPTON"),     sv("VINE"),      sv("WARBURTON"), sv("YEOMANS"), sv("ACTON"),
    sv("BRADSTOCK"), sv("CHERRY"),    sv("DOLPHIN"),   sv("FARMER"),  sv("GRIFFITHS")};
constexpr std::array kStreets = {
    sv("Alder Close"),     sv("Barrow Lane"),     sv("Bridle Way"),      sv("Castle Green"),
    sv("Church Walk"),     sv("Coldstream Road"), sv("Damson Grove"),    sv("Elm Crescent"),
    sv("Ferrier Street"),  sv("Fold Lane"),       sv("Garrick Row"),     sv("Holloway Drive"),
    sv("Kiln Terrace"),    sv("Larkspur Avenue"), sv("Malthouse Court"), sv("Mill Race"),
    sv("Nightingale Way"), sv("Orchard Rise"),    sv("Pound Lane"),      sv("Quarry Hill"),
    sv("Rope Walk"),       sv("Saxon Road"),      sv("Tanyard Lane"),    sv("Upper Weir Street"),
    sv("Victoria Place"),  sv("Wharf Road"),      sv("Wyebank Close"),   sv("Yew Tree Gardens")};
constexpr std::array kTowns = {sv("Kingsmead"),    sv("Wyebridge"),          sv("Ashford Lacy"),
                               sv("Dunmore"),      sv("Holme Marsh"),        sv("Ledwyn"),
                               sv("Stoke Ferris"), sv("Brockhampton Cross"), sv("Penallt"),
                               sv("Marden Vale")};
constexpr std::array kPostcodeAreas = {sv("HR1"), sv("HR2"), sv("HR3"), sv("HR4"), sv("HR5"),
                                       sv("HR6"), sv("HR7"), sv("HR8"), sv("HR9")};
constexpr std::array kSchools = {
    sv("Kingsmead Academy"),    sv("St Dubricius' CE Primary"),   sv("Wyebridge High"),
    sv("Holme Marsh Primary"),  sv("Our Lady of Ledwyn RC High"), sv("Dunmore Park School"),
    sv("Ferris Brook Primary"), sv("Marden Vale College")};
constexpr std::array kSocialWorkers = {
    sv("SW Helen Carr"),   sv("SW Owen Pritchard"), sv("SW Aisha Malik"),  sv("SW Bryony Hale"),
    sv("SW Tomasz Nowak"), sv("SW Carys Pugh"),     sv("SW Dominic Shaw"), sv("SW Fiona Lyle"),
    sv("SW Geraint Rees"), sv("SW Priya Sethi")};
constexpr std::array kHealth = {sv("Dr Adeyemi (GP)"),        sv("HV Janet Cole"),
                                sv("School Nurse R. Baines"), sv("Paediatrician Dr Varga"),
                                sv("Dr Fenwick (GP)"),        sv("Midwife L. Orme")};
constexpr std::array kAgencies = {sv("the school"),
                                  sv("the GP practice"),
                                  sv("the Health Visitor"),
                                  sv("Ambulance control"),
                                  sv("the Emergency Department"),
                                  sv("Kingsmead Women's Aid"),
                                  sv("Early Help"),
                                  sv("the Youth Offending Service"),
                                  sv("a neighbour"),
                                  sv("the Housing Officer")};
constexpr std::array kMeetingPlaces = {
    sv("Kingsmead police station"), sv("the MASH office"),
    sv("the ABE suite at Dunmore"), sv("the family centre at Holme Marsh"),
    sv("the children's hospital"),  sv("the school")};
constexpr std::array kPlacesFound = {
    sv("the retail park"),        sv("the bus station"),     sv("a friend's address in Ledwyn"),
    sv("the riverside car park"), sv("the railway station"), sv("an address in Stoke Ferris"),
    sv("the skate park")};
constexpr std::array kCustody = {sv("Kingsmead custody"), sv("Wyebridge custody suite"),
                                 sv("Dunmore custody")};

constexpr std::array<std::pair<sv, sv>, 32> kNicknames = {{
    {"Rebecca", "Becky"},  {"Jessica", "Jess"},     {"Victoria", "Vicky"},
    {"Amelia", "Millie"},  {"Charlotte", "Lottie"}, {"Harriet", "Hattie"},
    {"Bethany", "Beth"},   {"Olivia", "Liv"},       {"Thomas", "Tom"},
    {"William", "Billy"},  {"Benjamin", "Ben"},     {"Alexander", "Alex"},
    {"Oliver", "Ollie"},   {"Samantha", "Sam"},     {"Deborah", "Debbie"},
    {"Jennifer", "Jen"},   {"Kimberley", "Kim"},    {"Stephanie", "Steph"},
    {"Susan", "Sue"},      {"Katherine", "Kate"},   {"Margaret", "Maggie"},
    {"Patricia", "Trish"}, {"Anthony", "Tony"},     {"Christopher", "Chris"},
    {"Daniel", "Danny"},   {"Michael", "Mike"},     {"Nicholas", "Nick"},
    {"Richard", "Rich"},   {"Robert", "Rob"},       {"Joseph", "Joe"},
    {"James", "Jim"},      {"Steven", "Steve"},
}};

}  // namespace

std::span<const std::string_view> GirlsNames() { return kGirls; }
std::span<const std::string_view> BoysNames() { return kBoys; }
std::span<const std::string_view> WomensNames() { return kWomen; }
std::span<const std::string_view> MensNames() { return kMen; }
std::span<const std::string_view> Surnames() { return kSurnames; }
std::span<const std::string_view> OfficerSurnames() { return kOfficers; }
std::span<const std::string_view> Streets() { return kStreets; }
std::span<const std::string_view> Towns() { return kTowns; }
std::span<const std::string_view> PostcodeAreas() { return kPostcodeAreas; }
std::span<const std::string_view> Schools() { return kSchools; }
std::span<const std::string_view> SocialWorkers() { return kSocialWorkers; }
std::span<const std::string_view> HealthProfessionals() { return kHealth; }
std::span<const std::string_view> ReferringAgencies() { return kAgencies; }
std::span<const std::string_view> MeetingPlaces() { return kMeetingPlaces; }
std::span<const std::string_view> PlacesFound() { return kPlacesFound; }
std::span<const std::string_view> CustodySuites() { return kCustody; }

std::string_view NicknameFor(std::string_view forename) {
  for (const auto& [full, nick] : kNicknames) {
    if (full == forename) return nick;
  }
  return {};
}

}  // namespace casefile::legacy_generator::vocabulary
