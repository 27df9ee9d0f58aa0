package text

import (
	"fmt"
	"strings"
	"testing"
)

// splitCase is one table case: the input and the exact sentences expected.
type splitCase struct {
	name string
	in   string
	want []string
}

// sentences returns the text of Split's spans, checking the invariants.
func sentences(t *testing.T, s string) []string {
	t.Helper()
	spans := Split(s)
	if err := checkSpans(s, spans); err != nil {
		t.Fatalf("Split(%q): %v", s, err)
	}
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = s[sp.Start:sp.End]
	}
	return out
}

func runSplitCases(t *testing.T, cases []splitCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := sentences(t, c.in)
			if !equalStrings(got, c.want) {
				t.Errorf("Split(%q)\n got %s\nwant %s", c.in, show(got), show(c.want))
			}
		})
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func show(ss []string) string {
	var b strings.Builder
	for _, s := range ss {
		fmt.Fprintf(&b, "\n\t%q", s)
	}
	return b.String()
}

func TestSplitBasic(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"empty", "", nil},
		{"only space", " \n\t \u00a0\n ", nil},
		{"one sentence", "The talks ended.", []string{"The talks ended."}},
		{"no full stop", "The talks ended", []string{"The talks ended"}},
		{"two sentences", "The talks ended. Both sides left.",
			[]string{"The talks ended.", "Both sides left."}},
		{"surrounding space", "  \n The talks ended.  Both sides left. \n",
			[]string{"The talks ended.", "Both sides left."}},
		{"question and exclamation", "Will they meet? Nobody knows! The summit is set for May.",
			[]string{"Will they meet?", "Nobody knows!", "The summit is set for May."}},
		{"interrobang run", "They did what?! The minister resigned.",
			[]string{"They did what?!", "The minister resigned."}},
		{"lowercase after stop", "The envoy met the rebels in the capital. then he left.",
			[]string{"The envoy met the rebels in the capital. then he left."}},
		{"digit after stop", "The toll rose in 2019. 2020 was worse.",
			[]string{"The toll rose in 2019.", "2020 was worse."}},
		{"number ends sentence", "The death toll rose to 15. Rescuers kept digging.",
			[]string{"The death toll rose to 15.", "Rescuers kept digging."}},
	})
}

func TestSplitAbbreviations(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"titles", "Mr. Lee and Mrs. Park met Dr. Ortiz and Prof. Haddad. They talked.",
			[]string{"Mr. Lee and Mrs. Park met Dr. Ortiz and Prof. Haddad.", "They talked."}},
		{"ranks", "Gen. Alvarez, Lt. Col. Moreno, Maj. Quist, Capt. Dunn, Sgt. Ray and Adm. Kell arrived. Cmdr. Vos stayed.",
			[]string{"Gen. Alvarez, Lt. Col. Moreno, Maj. Quist, Capt. Dunn, Sgt. Ray and Adm. Kell arrived.", "Cmdr. Vos stayed."}},
		{"officials", "Gov. Reyes, Sen. Hale, Rep. Ortiz, Rev. Mbeki, Hon. Lwazi, Amb. Tanaka and Pres. Oduya signed. The bill passed.",
			[]string{"Gov. Reyes, Sen. Hale, Rep. Ortiz, Rev. Mbeki, Hon. Lwazi, Amb. Tanaka and Pres. Oduya signed.", "The bill passed."}},
		{"title before starter word", "Ms. An spoke first. Then others followed.",
			[]string{"Ms. An spoke first.", "Then others followed."}},
		{"places", "Troops reached St. Petersburg, Mt. Elbrus and Ft. Bragg. They rested.",
			[]string{"Troops reached St. Petersburg, Mt. Elbrus and Ft. Bragg.", "They rested."}},
		{"suffixes", "Martin Ocampo Jr. met Luis Ocampo Sr. at noon. He smiled.",
			[]string{"Martin Ocampo Jr. met Luis Ocampo Sr. at noon.", "He smiled."}},
		{"suffix ends sentence", "The award went to Martin Ocampo Jr. The crowd cheered.",
			[]string{"The award went to Martin Ocampo Jr.", "The crowd cheered."}},
		{"months", "The truce began on Jan. 4 and ended Feb. 9, was renewed Mar. 1, Apr. 2, Aug. 3, Sep. 4, Sept. 5, Oct. 6, Nov. 7 and Dec. 8. It held.",
			[]string{"The truce began on Jan. 4 and ended Feb. 9, was renewed Mar. 1, Apr. 2, Aug. 3, Sep. 4, Sept. 5, Oct. 6, Nov. 7 and Dec. 8.", "It held."}},
		{"month ends sentence", "Elections are due in Sept. The opposition is divided.",
			[]string{"Elections are due in Sept.", "The opposition is divided."}},
		{"numbers and references", "Resolution No. 5 cites Art. 51, Vol. 2, p. 17 and pp. 30-34 of the charter. Nos. 6 and 7 do not.",
			[]string{"Resolution No. 5 cites Art. 51, Vol. 2, p. 17 and pp. 30-34 of the charter.", "Nos. 6 and 7 do not."}},
		{"versus", "The case of Ruiz vs. Estado was heard. It failed.",
			[]string{"The case of Ruiz vs. Estado was heard.", "It failed."}},
		{"etc mid-sentence", "They sent tents, food, water, etc. to the camps. Aid arrived.",
			[]string{"They sent tents, food, water, etc. to the camps.", "Aid arrived."}},
		{"etc ends sentence", "They sent tents, food, water, etc. The camps were full.",
			[]string{"They sent tents, food, water, etc.", "The camps were full."}},
		{"latin", "Some states, e.g. Chad and Mali, abstained, i.e. They did not vote. Others did.",
			[]string{"Some states, e.g. Chad and Mali, abstained, i.e. They did not vote.", "Others did."}},
		{"approx and est", "The fund holds approx. 40 percent of the est. 9 billion in reserves. It grew.",
			[]string{"The fund holds approx. 40 percent of the est. 9 billion in reserves.", "It grew."}},
		{"companies", "Talks between Acme Inc. and Borel Corp. stalled, while Kato Co. and Nyx Ltd. watched Dale Bros. bid. Nothing changed.",
			[]string{"Talks between Acme Inc. and Borel Corp. stalled, while Kato Co. and Nyx Ltd. watched Dale Bros. bid.", "Nothing changed."}},
		{"company ends sentence", "The contract went to Borel Corp. However, the deal was delayed.",
			[]string{"The contract went to Borel Corp.", "However, the deal was delayed."}},
		{"company before name", "The contract went to Borel Corp. Chairman Ito signed it.",
			[]string{"The contract went to Borel Corp. Chairman Ito signed it."}},
		{"addresses", "Protesters marched up Fifth Ave. and Sunset Blvd. toward the embassy. Police watched.",
			[]string{"Protesters marched up Fifth Ave. and Sunset Blvd. toward the embassy.", "Police watched."}},
		{"address ends sentence", "Protesters gathered on Fifth Ave. They then dispersed.",
			[]string{"Protesters gathered on Fifth Ave.", "They then dispersed."}},
	})
}

func TestSplitAcronyms(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"before title and name", "U.S. President Anna Lind flew to Oslo. She met the king.",
			[]string{"U.S. President Anna Lind flew to Oslo.", "She met the king."}},
		{"before organ", "Russia vetoed a draft at the U.N. Security Council on Monday. China abstained.",
			[]string{"Russia vetoed a draft at the U.N. Security Council on Monday.", "China abstained."}},
		{"before lowercase", "The U.K. government and the E.U. commission disagreed. Talks continue.",
			[]string{"The U.K. government and the E.U. commission disagreed.", "Talks continue."}},
		{"ends before The", "Sanctions were imposed by the U.S. The measures take effect today.",
			[]string{"Sanctions were imposed by the U.S.", "The measures take effect today."}},
		{"ends before pronouns", "He flew to the U.K. He met the prime minister. She flew to the U.S. They met in the E.U. It rained.",
			[]string{"He flew to the U.K.", "He met the prime minister.", "She flew to the U.S.", "They met in the E.U.", "It rained."}},
		{"ends before However", "The plan was backed by the U.N. However, two members objected.",
			[]string{"The plan was backed by the U.N.", "However, two members objected."}},
		{"ends before Meanwhile", "The envoy left for Washington, D.C. Meanwhile, the talks paused.",
			[]string{"The envoy left for Washington, D.C.", "Meanwhile, the talks paused."}},
		{"long acronym", "The U.S.S.R. collapsed in 1991. Fifteen states emerged.",
			[]string{"The U.S.S.R. collapsed in 1991.", "Fifteen states emerged."}},
		{"long acronym ends", "He was born in the U.S.S.R. But he grew up in Finland.",
			[]string{"He was born in the U.S.S.R.", "But he grew up in Finland."}},
		{"state and city", "Officials in N.Y. and D.C. Police Chief Ames disagreed. A review followed.",
			[]string{"Officials in N.Y. and D.C. Police Chief Ames disagreed.", "A review followed."}},
		{"before quote", `The pledge came from the U.S. "We will stand firm," the envoy said.`,
			[]string{"The pledge came from the U.S.", `"We will stand firm," the envoy said.`}},
	})
}

func TestSplitInitials(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"middle initial", "John F. Kennedy visited Berlin in 1963. Crowds cheered.",
			[]string{"John F. Kennedy visited Berlin in 1963.", "Crowds cheered."}},
		{"joined initials", "J.K. Rowling gave a speech. It was short.",
			[]string{"J.K. Rowling gave a speech.", "It was short."}},
		{"spaced initials", "The ruling by J. R. Okafor stood. Appeals failed.",
			[]string{"The ruling by J. R. Okafor stood.", "Appeals failed."}},
		{"initial before said", "George W. Bush said he would veto it. Congress balked.",
			[]string{"George W. Bush said he would veto it.", "Congress balked."}},
		{"letter ends sentence", "The rebels rejected Plan B. They want a vote.",
			[]string{"The rebels rejected Plan B.", "They want a vote."}},
		{"degree", "She holds a Ph.D. in economics. Her thesis was on trade.",
			[]string{"She holds a Ph.D. in economics.", "Her thesis was on trade."}},
	})
}

func TestSplitNumbers(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"money", "The fund is worth $9.7 billion. It was set up in 2014.",
			[]string{"The fund is worth $9.7 billion.", "It was set up in 2014."}},
		{"percent", "Growth slowed to 3.5 percent. Exports fell 0.8 percent.",
			[]string{"Growth slowed to 3.5 percent.", "Exports fell 0.8 percent."}},
		{"version", "Version 1.2.3 of the treaty text circulated. Nobody signed.",
			[]string{"Version 1.2.3 of the treaty text circulated.", "Nobody signed."}},
		{"No. 5", "He was No. 5 on the list. The list was secret.",
			[]string{"He was No. 5 on the list.", "The list was secret."}},
		{"time before lowercase", "The ceasefire starts at 5 p.m. on Friday and ends at 9 a.m. on Monday. Both sides agreed.",
			[]string{"The ceasefire starts at 5 p.m. on Friday and ends at 9 a.m. on Monday.", "Both sides agreed."}},
		{"time before day name", "The vote is at 5 p.m. Friday in the assembly. Turnout is expected to be low.",
			[]string{"The vote is at 5 p.m. Friday in the assembly.", "Turnout is expected to be low."}},
		{"time ends sentence", "The ceasefire started at 5 p.m. The shelling stopped an hour later.",
			[]string{"The ceasefire started at 5 p.m.", "The shelling stopped an hour later."}},
		{"list marker", "1. The parties agree to a truce.",
			[]string{"1. The parties agree to a truce."}},
		{"thousands", "Some 12,500.5 tonnes of grain left the port. More followed.",
			[]string{"Some 12,500.5 tonnes of grain left the port.", "More followed."}},
	})
}

func TestSplitQuotations(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"comma inside quote", `"We will win," he said.`,
			[]string{`"We will win," he said.`}},
		{"stop inside quote", `He said: "We will win." Then he left.`,
			[]string{`He said: "We will win."`, "Then he left."}},
		{"question inside quote", `She asked: "Who fired first?" Nobody answered.`,
			[]string{`She asked: "Who fired first?"`, "Nobody answered."}},
		{"exclamation inside quote", `The crowd chanted "Freedom!" Police moved in.`,
			[]string{`The crowd chanted "Freedom!"`, "Police moved in."}},
		{"single quote", `He called the vote 'a farce.' The court disagreed.`,
			[]string{`He called the vote 'a farce.'`, "The court disagreed."}},
		{"curly stop", "He said: “We will not retreat.” The army advanced.",
			[]string{"He said: “We will not retreat.”", "The army advanced."}},
		{"curly question", "She asked: “Why now?” He did not reply.",
			[]string{"She asked: “Why now?”", "He did not reply."}},
		{"curly single", "He called it ‘a mistake.’ Others agreed.",
			[]string{"He called it ‘a mistake.’", "Others agreed."}},
		{"bracket", "The army withdrew (the second time this year.) Talks resumed.",
			[]string{"The army withdrew (the second time this year.)", "Talks resumed."}},
		{"whole parenthesis", "The army withdrew. (It had done so before.) Talks resumed.",
			[]string{"The army withdrew.", "(It had done so before.)", "Talks resumed."}},
		{"quote then lowercase attribution", `"China is our friend." said Xi, smiling.`,
			[]string{`"China is our friend." said Xi, smiling.`}},
		{"question then attribution", `"Why should we leave?" he asked. "We live here."`,
			[]string{`"Why should we leave?" he asked.`, `"We live here."`}},
		{"two quoted sentences", `"He is a friend," Xi said. "He is my best friend."`,
			[]string{`"He is a friend," Xi said.`, `"He is my best friend."`}},
		{"quote starts sentence", `The minister spoke. "We are ready."`,
			[]string{"The minister spoke.", `"We are ready."`}},
		{"abbreviation inside closing quote", `"He lives in the U.S." Officials confirmed it.`,
			[]string{`"He lives in the U.S."`, "Officials confirmed it."}},
	})
}

func TestSplitEllipsis(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"dots then capital", "We waited... The answer never came.",
			[]string{"We waited...", "The answer never came."}},
		{"dots then lowercase", "We waited... and waited for an answer.",
			[]string{"We waited... and waited for an answer."}},
		{"character then capital", "We waited… Nothing happened.",
			[]string{"We waited…", "Nothing happened."}},
		{"character then lowercase", "We waited… and then left.",
			[]string{"We waited… and then left."}},
		{"spaced dots", "He said . . . and then stopped. Silence.",
			[]string{"He said . . . and then stopped.", "Silence."}},
		{"in quote", `"We will see..." he said. Nobody laughed.`,
			[]string{`"We will see..." he said.`, "Nobody laughed."}},
	})
}

func TestSplitLines(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"newline is space", "The talks were held in\nGeneva on Monday. They failed.",
			[]string{"The talks were held in\nGeneva on Monday.", "They failed."}},
		{"blank line ends sentence", "Putin Visits Beijing\n\nThe Russian president arrived.",
			[]string{"Putin Visits Beijing", "The Russian president arrived."}},
		{"blank line with spaces", "no full stop here\n \t\r\n and here",
			[]string{"no full stop here", "and here"}},
		{"heading line", "Leaders Meet in Beijing\nThe two presidents met on Friday.",
			[]string{"Leaders Meet in Beijing", "The two presidents met on Friday."}},
		{"markdown heading", "# Xi Awards Putin a Medal\nPutin is in China.",
			[]string{"# Xi Awards Putin a Medal", "Putin is in China."}},
		{"byline line", "By Reuters\nJune 08, 2018",
			[]string{"By Reuters", "June 08, 2018"}},
		{"wrapped sentence", "Chinese President Xi Jinping gave visiting\nRussian President Vladimir Putin a medal.",
			[]string{"Chinese President Xi Jinping gave visiting\nRussian President Vladimir Putin a medal."}},
		{"wrapped title-cased line mid-sentence", "The award was given to Russian\nPresident Vladimir Putin Of Russia\nBy Xi on Friday.",
			[]string{"The award was given to Russian\nPresident Vladimir Putin Of Russia\nBy Xi on Friday."}},
		{"heading ending in small word", "Putin and\nXi met on Friday.",
			[]string{"Putin and\nXi met on Friday."}},
		{"next line lowercase", "Leaders Meet\nin Beijing on Friday.",
			[]string{"Leaders Meet\nin Beijing on Friday."}},
		{"bullets", "The deal includes:\n• A ceasefire from Monday\n• Talks in Geneva\n- Aid for the north",
			[]string{"The deal includes:", "• A ceasefire from Monday", "• Talks in Geneva", "- Aid for the north"}},
		{"numbered list", "Key points\n1. The truce holds\n2. Talks resume",
			[]string{"Key points", "1. The truce holds", "2. Talks resume"}},
		{"number that is not an item", "The vote was set for May\n2. Officials agreed.",
			[]string{"The vote was set for May\n2.", "Officials agreed."}},
		{"bullet then text", "* Troops withdraw\nThe rest of the deal is unclear.",
			[]string{"* Troops withdraw", "The rest of the deal is unclear."}},
		{"wrapped bullet", "- Troops will withdraw from\n  the border by May.",
			[]string{"- Troops will withdraw from\n  the border by May."}},
		{"hard-wrapped title-cased first line", "Acme Steel Corp and Borel Mining\nCo said on Monday they would merge their\noperations in the north.",
			[]string{"Acme Steel Corp and Borel Mining\nCo said on Monday they would merge their\noperations in the north."}},
		{"hard-wrapped dash and number", "Deposits rose, while funds on call\n- mainly from the state - fell in March\n13. Officials said the rise would last.",
			[]string{"Deposits rose, while funds on call\n- mainly from the state - fell in March\n13.", "Officials said the rise would last."}},
		{"hard-wrapped list", "The bonds come in two\nmaturities:\n- 8 pct bonds due 1990,\n- 9 pct bonds due 1994.",
			[]string{"The bonds come in two\nmaturities:", "- 8 pct bonds due 1990,", "- 9 pct bonds due 1994."}},
		{"all-caps line ending in small word", "RAIN WAS RECORDED IN\nTHE NORTH OVER THE WEEKEND",
			[]string{"RAIN WAS RECORDED IN\nTHE NORTH OVER THE WEEKEND"}},
		{"line starting mid-line sentence", "The talks ended. While\nOfficials waited outside.",
			[]string{"The talks ended.", "While\nOfficials waited outside."}},
		{"windows line ends", "First line ends.\r\nSecond line\r\n\r\nThird",
			[]string{"First line ends.", "Second line", "Third"}},
	})
}

func TestSplitNews(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"dateline", "BEIJING, June 8 (Reuters) - Chinese President Lin Wei gave his guest a medal on Friday. The two leaders then held talks.",
			[]string{"BEIJING, June 8 (Reuters) - Chinese President Lin Wei gave his guest a medal on Friday.", "The two leaders then held talks."}},
		{"dateline with abbreviation", "WASHINGTON, D.C., Jan. 5 (AP) -- The Senate voted. It passed.",
			[]string{"WASHINGTON, D.C., Jan. 5 (AP) -- The Senate voted.", "It passed."}},
		{"photo credit", "The two leaders meet in Moscow, March 20, 2023. (Xinhua/Shen Hong)",
			[]string{"The two leaders meet in Moscow, March 20, 2023. (Xinhua/Shen Hong)"}},
		{"credit then sentence", "The leaders met. (Reuters) Their talks ran late.",
			[]string{"The leaders met. (Reuters)", "Their talks ran late."}},
		{"credit on next line", "The leaders met on Friday.\n(Photo by Kim Ode)",
			[]string{"The leaders met on Friday.\n(Photo by Kim Ode)"}},
		{"parenthesis then lowercase", "He left. (Reuters) reported it first.",
			[]string{"He left.", "(Reuters) reported it first."}},
		{"metadata line", "Release Date:2023-03-23 17:48:16     Source:Xinhua",
			[]string{"Release Date:2023-03-23 17:48:16     Source:Xinhua"}},
		{"url in text", "See xinhua.net for more. The site was down.",
			[]string{"See xinhua.net for more.", "The site was down."}},
		{"domain name", "**Kremlin.ru** released photos. They showed the ceremony.",
			[]string{"**Kremlin.ru** released photos.", "They showed the ceremony."}},
		{"joined paragraphs", "Iran denied the report.The video was released on Monday.",
			[]string{"Iran denied the report.", "The video was released on Monday."}},
		{"joined after quote", `He called it "a threat."Officials disagreed.`,
			[]string{`He called it "a threat."`, "Officials disagreed."}},
		{"no split inside names", "Troops entered St.Petersburg and U.S.Forces left. ASP.NET crashed.",
			[]string{"Troops entered St.Petersburg and U.S.Forces left.", "ASP.NET crashed."}},
	})
}

func TestSplitUnicode(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"accented names", "Émile Durán met Zoë Ångström in Zürich. Öztürk joined later.",
			[]string{"Émile Durán met Zoë Ångström in Zürich.", "Öztürk joined later."}},
		{"accented capital after stop", "The talks ended. Élysée officials were pleased.",
			[]string{"The talks ended.", "Élysée officials were pleased."}},
		{"cyrillic", "Путин прибыл в Пекин. Си встретил его.",
			[]string{"Путин прибыл в Пекин.", "Си встретил его."}},
		{"chinese", "习近平会见普京。两国元首举行会谈！双方签署了协议？是的。",
			[]string{"习近平会见普京。", "两国元首举行会谈！", "双方签署了协议？", "是的。"}},
		{"chinese quote", "他说：“我们是朋友。”普京点头。",
			[]string{"他说：“我们是朋友。”", "普京点头。"}},
		{"non-breaking space", "The talks ended.\u00a0Both sides left.\u00a0",
			[]string{"The talks ended.", "Both sides left."}},
		{"ideographic space", "The talks ended.\u3000Both sides left.",
			[]string{"The talks ended.", "Both sides left."}},
		{"zero-width space trimmed", "\ufeffThe talks ended.\u200b Both sides left.",
			[]string{"The talks ended.", "Both sides left."}},
		{"closing quote set off by a space", "He said: “We are ready. ”\n\nThe talks began.",
			[]string{"He said: “We are ready. ”", "The talks began."}},
		{"em dash", "The army withdrew. — Reuters",
			[]string{"The army withdrew.", "— Reuters"}},
	})
}
