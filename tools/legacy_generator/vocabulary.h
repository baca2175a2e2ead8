// Vocabulary: the invented names, places and services the synthetic legacy
// folders are made of. Nothing here comes from real case data or from the
// shared samples; every character is representable in Windows-1252 so that any
// file can be written in that encoding.
//
// Thread-safety: immutable constant tables.
#ifndef CASEFILE_TOOLS_LEGACY_GENERATOR_VOCABULARY_H_
#define CASEFILE_TOOLS_LEGACY_GENERATOR_VOCABULARY_H_

#include <span>
#include <string_view>

namespace casefile::legacy_generator::vocabulary {

std::span<const std::string_view> GirlsNames();
std::span<const std::string_view> BoysNames();
std::span<const std::string_view> WomensNames();
std::span<const std::string_view> MensNames();
std::span<const std::string_view> Surnames();
// Surnames for police officers: ASCII only, because they name folders.
std::span<const std::string_view> OfficerSurnames();
std::span<const std::string_view> Streets();
std::span<const std::string_view> Towns();
std::span<const std::string_view> PostcodeAreas();
std::span<const std::string_view> Schools();
std::span<const std::string_view> SocialWorkers();
std::span<const std::string_view> HealthProfessionals();
std::span<const std::string_view> ReferringAgencies();
std::span<const std::string_view> MeetingPlaces();
std::span<const std::string_view> PlacesFound();
std::span<const std::string_view> CustodySuites();

// A familiar short form ("Rebecca" → "Becky"), or "" when there is none.
std::string_view NicknameFor(std::string_view forename);

}  // namespace casefile::legacy_generator::vocabulary

#endif  // CASEFILE_TOOLS_LEGACY_GENERATOR_VOCABULARY_H_
