package quote

import (
	"context"
	"strings"
	"testing"

	"dyad/doc"
)

// benchArticle is a made-up news story of typical length (about 650
// words) with direct quotes in each position, reported statements,
// pronoun and role speakers, a quote over two paragraphs and scare quotes.
const benchArticle = `Chinese President Xi Jinping met Russian President Vladimir Putin in Beijing on Friday, and the two leaders pledged to deepen their "strategic partnership" despite Western sanctions.

"China and Russia will always stand side by side, whatever the storms in the world," Xi told Putin at the start of the talks in the Great Hall of the People. "Our friendship has no limits."

Putin said the visit showed that relations between the two countries had reached their highest level in history. He added that Moscow was ready to increase its supplies of oil and gas to China over the next decade.

"We have agreed on a long list of projects in energy, transport and agriculture," the Russian president said. "Some of them will start this year, others will take longer, but all of them matter to our peoples."

According to the Kremlin, the two sides signed 14 agreements, including a deal on a new gas pipeline through Mongolia.

The White House criticised the meeting. A spokesman for the National Security Council, John Kirby, said Washington was watching closely and warned that any company that helped Russia evade sanctions would face "serious consequences".

"We have been very clear with Beijing about what is at stake," Kirby told reporters at a briefing. He said the United States would not hesitate to act.

European Union foreign policy chief Josep Borrell noted that China had "a special responsibility" as a permanent member of the U.N. Security Council. The bloc would keep talking to Beijing, he said, but it expected China to use its influence on Moscow.

Analysts said the summit was mostly symbolic. "Both sides want to show that they are not isolated," said Alexander Gabuev, a senior fellow at the Carnegie Endowment for International Peace. "But the economic relationship is very unequal, and Beijing knows it.

"China buys Russian energy at a discount and sells the goods that Russia can no longer get from Europe."

Chinese Foreign Ministry spokeswoman Mao Ning rejected the criticism, saying China's trade with Russia was normal and did not target any third party. "The so-called concerns of the United States are groundless," she told a regular news conference.

Japanese Prime Minister Fumio Kishida, who spoke to reporters in Tokyo, said Japan would coordinate closely with the Group of Seven on its response, while South Korea's foreign ministry said it was following the talks closely.

In a joint statement, the two presidents called for a "political settlement" of the conflict in Ukraine and criticised what they called "bloc confrontation" in the Asia-Pacific region.

Xi is expected to visit Russia later this year. "We will continue our conversation in Moscow," he said as the talks ended. Putin, who has visited China more than 40 times, invited him to the city of Kazan for a summit of emerging economies.

Officials in Kyiv reacted cautiously. Ukrainian Foreign Minister Dmytro Kuleba said Ukraine welcomed any effort that would lead to a just peace, but added that peace could only come with the full withdrawal of Russian troops.

"There is no neutrality in this war," he wrote on social media. "Those who help the aggressor share responsibility for its crimes."

The meeting came a day after Russian forces launched a new offensive in the northeast of Ukraine, according to the Ukrainian military. Russia has denied targeting civilians.`

// preparedArticle runs the stages before the quote stage on text, with
// the first paragraph as headline-less body.
func preparedArticle(b testing.TB, text string) *doc.Article {
	b.Helper()
	st := pipelineStages(b)
	a := &doc.Article{ID: "bench", Text: text, Source: doc.Source{Published: "2024-05-17"}}
	st.prepare(b, a)
	return a
}

// BenchmarkAnnotate times the quote stage alone on a typical article that
// the earlier stages have annotated.
func BenchmarkAnnotate(b *testing.B) {
	a := preparedArticle(b, benchArticle)
	f := New()
	ctx := context.Background()
	if err := f.Annotate(ctx, a); err != nil {
		b.Fatal(err)
	}
	if len(a.Quotes) < 10 {
		b.Fatalf("only %d quotes found", len(a.Quotes))
	}
	b.SetBytes(int64(len(a.Text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := f.Annotate(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnnotateLong times the quote stage on a very long article, to
// show that the time grows with the length, not faster.
func BenchmarkAnnotateLong(b *testing.B) {
	a := preparedArticle(b, strings.Repeat(benchArticle+"\n\n", 40))
	f := New()
	ctx := context.Background()
	b.SetBytes(int64(len(a.Text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := f.Annotate(ctx, a); err != nil {
			b.Fatal(err)
		}
	}
}
