// The person pages of casefile-web (web/person_file_page.h): what they show,
// and every stored string escaped.
#include "web/person_file_page.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

v1::PersonFile File() {
  v1::PersonFile file;
  v1::Person* p = file.mutable_person();
  p->set_name("persons/P0123456789abcdef");
  p->set_forename("Ellie<script>");
  p->set_surname("WATSON");
  p->add_cases("cases/CF-1");
  v1::PersonSource* s = p->add_sources();
  s->set_locator("nominals.csv#row=2");
  s->set_as_written("Ellie \"WATSON\" <b>");
  v1::Case* c = file.add_cases();
  c->set_name("cases/CF-1");
  c->set_title("Concern & <i>care</i>");
  v1::Entry* e = file.add_records();
  e->set_name("cases/CF-1/entries/4");
  e->set_number(4);
  e->set_kind(v1::ENTRY_KIND_MISSING_EPISODE);
  e->set_text("Missing <img src=x onerror=alert(1)>");
  v1::AttentionItem* item = file.add_attention_items();
  item->set_list(v1::ATTENTION_LIST_REPEATED_MISSING);
  item->set_case_("cases/CF-1");
  item->set_entry("cases/CF-1/entries/4");
  item->set_summary("3 episodes <u>");
  return file;
}

TEST(WebPersonFilePageTest, ShowsCasesRecordsAttentionAndSourcesEscaped) {
  const std::string html = PersonFilePage("<nav></nav>", File(), "DC <Hughes>", "why <not>");
  EXPECT_THAT(html, HasSubstr("<h1>Ellie&lt;script&gt; WATSON</h1>"));
  EXPECT_THAT(html, HasSubstr("<ul id=\"person-cases\"><li><a href=\"/cases/CF-1\">CF-1</a> Concern &amp; &lt;i&gt;care&lt;/i&gt;"));
  EXPECT_THAT(html, HasSubstr("<a href=\"/cases/CF-1\">CF-1 #4</a>"));
  EXPECT_THAT(html, HasSubstr("Missing &lt;img src=x onerror=alert(1)&gt;"));
  EXPECT_THAT(html, HasSubstr("3 episodes &lt;u&gt;"));
  EXPECT_THAT(html, HasSubstr("Ellie &quot;WATSON&quot; &lt;b&gt;"));
  EXPECT_THAT(html, HasSubstr("DC &lt;Hughes&gt;"));
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  EXPECT_THAT(html, Not(HasSubstr("<img")));
}

TEST(WebPersonFilePageTest, PurposeFormPostsToThePerson) {
  const std::string html = PersonPurposePage("", File().person(), "tok\"en", "purpose: is required");
  EXPECT_THAT(html, HasSubstr("<form class=\"stack\" method=\"post\" action=\"/persons/P0123456789abcdef\">"));
  EXPECT_THAT(html, HasSubstr("value=\"tok&quot;en\""));
  EXPECT_THAT(html, HasSubstr("<p class=\"error\" role=\"alert\">purpose: is required</p>"));
}

TEST(WebPersonFilePageTest, PersonIdOfTakesOnlyPersonNames) {
  EXPECT_EQ(PersonIdOf("persons/P01"), "P01");
  EXPECT_EQ(PersonIdOf("cases/P01"), "");
  EXPECT_EQ(PersonIdOf("persons/P01/x"), "");
}

}  // namespace
}  // namespace casefile::web
