// Throughput of the legacy readers (ReadLegacyFile, single thread) on
// synthetic files shaped like the samples: ~250-byte texts, commas and
// doubled quotes in quoted fields, a multi-line text every tenth row, two
// subjects per paper row, .txt logs with wrapped entries.
// Times are process CPU time, single thread.
//
//   legacy_reader_bench [--rows=200000]
#include <time.h>

#include <cstdio>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "migration/legacy_reader.h"

ABSL_FLAG(int, rows, 200000, "records per synthetic file");

namespace {

using casefile::migration::LegacyFile;
using casefile::migration::ReadLegacyFile;

constexpr char kText[] =
    "Weekly welfare check at 102 Whitecross Road, Hereford. Amelia Preece seen and spoken to "
    "alone. Mother said \"\"no concerns\"\"; advice given on school attendance, which is at 96% "
    "this term with 3 unexplained absences. Action: SW Gemma Lord to arrange a medical.";

std::string Day(int i) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%02d/%02d/%04d", 1 + i % 28, 1 + i / 28 % 12, 2010 + i % 5);
  return buf;
}

std::string PaperFile(int rows) {
  std::string s = "file_ref,page,doc_type,entry_date,author,subjects,text\n";
  for (int i = 0; i < rows; ++i) {
    s += "HPVP/2011/8859," + std::to_string(i + 1) + ",Visit record," + Day(i) +
         " 1410,DS 6054 BISHOP,Amelia PREECE (18/08/2008); Donna PREECE (21/04/1971),\"" + kText +
         (i % 10 == 0 ? "\nSecond line.\"\n" : "\"\n");
  }
  return s;
}

std::string CrimeExport(int rows) {
  std::string s = "record_ref,record_type,entry_no,entered_at,entered_by,occurred_at,text\n";
  for (int i = 0; i < rows; ++i) {
    s += "22/25475/13,CRIME," + std::to_string(i + 1) + ",2010-07-19 20:55:00,Tranter," +
         (i % 7 == 0 ? std::string() : std::string("2010-07-19 18:30")) + ",\"" + kText + "\"\n";
  }
  return s;
}

std::string NominalIndex(int rows) {
  std::string s =
      "nominal_ref,forename,surname,date_of_birth,address_1,address_2,town,postcode,source_ref\n";
  for (int i = 0; i < rows; ++i) {
    s += "N" + std::to_string(1000000 + i) + ",Donna,DAVIES," +
         (i % 2 ? Day(i) : std::string("19731214")) +
         ",72 Grandstand Road,,Ross-on-Wye,HR7 3FD,HPVP/2013/6561\n";
  }
  return s;
}

std::string TextLog(int entries) {
  std::string s =
      "INVESTIGATION LOG\r\nOfficer: PC 1642 TRANTER\r\nReference: 22/25475/13\r\n"
      "Subject: Tyler BEVAN\r\n\r\n";
  for (int i = 0; i < entries; ++i) {
    s += Day(i) + " 1330hrs - Achieving Best Evidence interview with Tyler Bevan\r\n"
                  "at the Hereford Safeguarding Hub. School report Tyler Bevan's\r\n"
                  "attendance at 96% this term with 13 unexplained absences.\r\n\r\n";
  }
  return s;
}

// Process CPU time: on a shared machine wall time mostly measures the others.
double CpuSeconds() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

void Measure(const char* name, const std::string& bytes, int repeat = 1) {
  const double start = CpuSeconds();
  size_t records = 0, problems = 0;
  for (int r = 0; r < repeat; ++r) {
    LegacyFile f = ReadLegacyFile("bench/file", bytes);
    records += f.events.size() + f.nominals.size() + f.xrefs.size();
    problems += f.problems.size();
  }
  const double s = CpuSeconds() - start;
  std::printf("%-16s %9zu records %3zu problems %8.3f s CPU %10.0f records/s %7.1f MB/s\n", name,
              records, problems, s, records / s, bytes.size() * double(repeat) / s / 1e6);
}

}  // namespace

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  const int rows = absl::GetFlag(FLAGS_rows);
  Measure("paper file", PaperFile(rows));
  Measure("crime export", CrimeExport(rows));
  Measure("nominal index", NominalIndex(rows));
  Measure("txt log", TextLog(rows));
  return 0;
}
