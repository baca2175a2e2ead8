#include "migration/entry_kind.h"

#include <string>

#include "gtest/gtest.h"

namespace casefile::migration {
namespace {

TEST(InferEntryKindTest, FromTheOpeningWords) {
  EXPECT_EQ(InferEntryKind("", "Strategy discussion held with CSC and health."),
            v1::ENTRY_KIND_STRATEGY_DISCUSSION);
  EXPECT_EQ(InferEntryKind("", "Strategy meeting at Hereford police station."),
            v1::ENTRY_KIND_STRATEGY_DISCUSSION);
  EXPECT_EQ(InferEntryKind("", "ABE interview of Ellie at the suite."), v1::ENTRY_KIND_INTERVIEW);
  EXPECT_EQ(InferEntryKind("", "Best evidence interview completed."), v1::ENTRY_KIND_INTERVIEW);
  EXPECT_EQ(InferEntryKind("", "Mark WATSON booked into custody at 2210."), v1::ENTRY_KIND_CUSTODY);
  EXPECT_EQ(InferEntryKind("", "Ellie reported missing by her mother."), v1::ENTRY_KIND_MISSING_EPISODE);
  EXPECT_EQ(InferEntryKind("", "Ellie missing from care home overnight."), v1::ENTRY_KIND_MISSING_EPISODE);
  EXPECT_EQ(InferEntryKind("", "Referral received from school nurse."), v1::ENTRY_KIND_REFERRAL);
  EXPECT_EQ(InferEntryKind("", "Home visit with SW Jones."), v1::ENTRY_KIND_VISIT);
  EXPECT_EQ(InferEntryKind("", "Welfare check at the address."), v1::ENTRY_KIND_VISIT);
  EXPECT_EQ(InferEntryKind("", "Visited home address."), v1::ENTRY_KIND_VISIT);
  EXPECT_EQ(InferEntryKind("", "File reviewed by DS 5327."), v1::ENTRY_KIND_REVIEW);
  EXPECT_EQ(InferEntryKind("", "Case review by DI Price."), v1::ENTRY_KIND_REVIEW);
  EXPECT_EQ(InferEntryKind("", "Telephone call from school."), v1::ENTRY_KIND_CONTACT);
  EXPECT_EQ(InferEntryKind("", "Spoke by phone with the GP."), v1::ENTRY_KIND_CONTACT);
  EXPECT_EQ(InferEntryKind("", "Enquiries made with housing."), v1::ENTRY_KIND_ENQUIRY);
  EXPECT_EQ(InferEntryKind("", "Made enquiry with PNC."), v1::ENTRY_KIND_ENQUIRY);
}

TEST(InferEntryKindTest, IgnoresCapitals) {
  EXPECT_EQ(InferEntryKind("", "VISITED HOME ADDRESS WITH SW JONES."), v1::ENTRY_KIND_VISIT);
  EXPECT_EQ(InferEntryKind("", "ReFeRrAl from CSC."), v1::ENTRY_KIND_REFERRAL);
}

TEST(InferEntryKindTest, WordingWinsOverTheDocumentType) {
  EXPECT_EQ(InferEntryKind("Referral", "Strategy discussion held."), v1::ENTRY_KIND_STRATEGY_DISCUSSION);
  EXPECT_EQ(InferEntryKind("Case note", "Visited home address."), v1::ENTRY_KIND_VISIT);
}

TEST(InferEntryKindTest, TheTableOrderDecidesBetweenTwoWordings) {
  // Both wordings occur: the more specific kind listed first wins, wherever
  // it stands in the text.
  EXPECT_EQ(InferEntryKind("", "Referral following his release from custody."), v1::ENTRY_KIND_CUSTODY);
  EXPECT_EQ(InferEntryKind("", "Visited home, then strategy discussion by phone."),
            v1::ENTRY_KIND_STRATEGY_DISCUSSION);
}

TEST(InferEntryKindTest, OnlyTheFirst120CharactersCount) {
  const std::string filler(115, 'x');
  EXPECT_EQ(InferEntryKind("", filler + " referral"), v1::ENTRY_KIND_NOTE);
  EXPECT_EQ(InferEntryKind("", filler.substr(0, 100) + " referral"), v1::ENTRY_KIND_REFERRAL);
  EXPECT_EQ(InferEntryKind("Referral form", filler + " visited"), v1::ENTRY_KIND_REFERRAL);
}

TEST(InferEntryKindTest, FallsBackToTheDocumentType) {
  EXPECT_EQ(InferEntryKind("Strategy Meeting Minutes", "Attended by CSC, health, police."),
            v1::ENTRY_KIND_STRATEGY_DISCUSSION);
  EXPECT_EQ(InferEntryKind("REFERRAL FORM", "Concerns about Ellie."), v1::ENTRY_KIND_REFERRAL);
  EXPECT_EQ(InferEntryKind("Home visit record", "Mother present."), v1::ENTRY_KIND_VISIT);
  EXPECT_EQ(InferEntryKind("Missing Person Report", "Ellie not home by 2200."), v1::ENTRY_KIND_MISSING_EPISODE);
  EXPECT_EQ(InferEntryKind("Custody record", "Booked in at 2210."), v1::ENTRY_KIND_CUSTODY);
}

TEST(InferEntryKindTest, EverythingElseIsANote) {
  EXPECT_EQ(InferEntryKind("Case note", "Notification from CSC about Maya."), v1::ENTRY_KIND_NOTE);
  EXPECT_EQ(InferEntryKind("CRIME", "Log entry: Dean Griffiths arrested."), v1::ENTRY_KIND_NOTE);
  EXPECT_EQ(InferEntryKind("", ""), v1::ENTRY_KIND_NOTE);
}

}  // namespace
}  // namespace casefile::migration
