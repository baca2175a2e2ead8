// The public Febrl person data sets (../shared/data/febrl, LEGACY_FORMATS.md
// "Febrl data"), mapped onto the nominal-index columns: forename =
// given_name, address_1 = street_number + " " + address_1, town = suburb;
// soc_sec_id and state are dropped (UK legacy indexes have no such number)
// and rec_id is kept apart, for scoring only. person_accuracy feeds these
// records to the matcher; febrl_api_accuracy writes them as a nominal index
// and imports them through the API.
//
// Thread-compatible: plain values.
#ifndef CASEFILE_BENCH_SUPPORT_FEBRL_H_
#define CASEFILE_BENCH_SUPPORT_FEBRL_H_

#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "core/time/partial_time.h"

namespace casefile::bench {

struct FebrlRecord {
  std::string entity;  // the Febrl person number (N of rec-N-org / rec-N-dup-K): truth
  bool original = false;  // rec-N-org: written without Febrl's corruptions
  std::string forename;
  std::string surname;
  std::string address_1;
  std::string address_2;
  std::string town;
  std::string postcode;
  std::string date_of_birth_raw;  // yyyymmdd as in the file (may be empty or corrupt)
  // Digit for digit, at day precision, even when not a real date (Febrl
  // corrupts some to month 13 and the like); unknown when not 8 digits.
  PartialTime date_of_birth;
};

// A data set as scored: dataset1, dataset2, dataset3, and 4a+4b (the two
// files of dataset4 together, one match per record across them).
struct FebrlSet {
  std::string name;
  std::vector<std::string> files;
};
std::span<const FebrlSet> FebrlSets();

// The records of `set`'s files under `dir`, in file order. NotFound naming the
// file when one cannot be read.
absl::StatusOr<std::vector<FebrlRecord>> ReadFebrlSet(const std::string& dir, const FebrlSet& set);

}  // namespace casefile::bench

#endif  // CASEFILE_BENCH_SUPPORT_FEBRL_H_
