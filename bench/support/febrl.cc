#include "bench/support/febrl.h"

#include <fstream>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace casefile::bench {

std::span<const FebrlSet> FebrlSets() {
  static const auto* const sets = new std::vector<FebrlSet>{
      {"dataset1", {"dataset1.csv"}},
      {"dataset2", {"dataset2.csv"}},
      {"dataset3", {"dataset3.csv"}},
      {"4a+4b", {"dataset4a.csv", "dataset4b.csv"}},
  };
  return *sets;
}

absl::StatusOr<std::vector<FebrlRecord>> ReadFebrlSet(const std::string& dir, const FebrlSet& set) {
  std::vector<FebrlRecord> out;
  for (const std::string& file : set.files) {
    const std::string path = absl::StrCat(dir, "/", file);
    std::ifstream in(path);
    if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", path));
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      // rec_id, given_name, surname, street_number, address_1, address_2,
      // suburb, postcode, state, date_of_birth, soc_sec_id (no quoting).
      std::vector<std::string> f = absl::StrSplit(line, ',');
      if (f.size() != 11) continue;
      for (std::string& s : f) s = std::string(absl::StripAsciiWhitespace(s));
      FebrlRecord r;
      std::vector<std::string> id = absl::StrSplit(f[0], '-');
      r.entity = id.size() >= 2 ? id[1] : f[0];
      r.original = id.size() == 3 && id[2] == "org";
      r.forename = f[1];
      r.surname = f[2];
      r.address_1 = f[3].empty() ? f[4] : absl::StrCat(f[3], " ", f[4]);
      r.address_2 = f[5];
      r.town = f[6];
      r.postcode = f[7];
      r.date_of_birth_raw = f[9];
      const std::string& dob = f[9];
      int y, m, d;
      if (dob.size() == 8 && absl::SimpleAtoi(dob.substr(0, 4), &y) && absl::SimpleAtoi(dob.substr(4, 2), &m) &&
          absl::SimpleAtoi(dob.substr(6, 2), &d)) {
        r.date_of_birth = {TimePrecision::kDay, y, m, d};
      }
      out.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace casefile::bench
