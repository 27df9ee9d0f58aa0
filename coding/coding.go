// Package coding assembles the stages that code an article once its
// sentences are split (part-of-speech tags, actors, events, quotes), so
// that dyad code, dyad eval and the benchmarks code articles the same way.
package coding

import (
	"dyad/actor"
	"dyad/event"
	"dyad/pipeline"
	"dyad/quote"
	"dyad/text"
)

// Stages returns the stages that follow the sentence splitter
// (text.Splitter) in dyad code, in order: the part-of-speech tagger, the
// actor resolver with knowledge base kb, the event coder and the quote
// finder. The stages are safe for concurrent use.
func Stages(kb *actor.KB) ([]pipeline.Stage, error) {
	tg, err := text.NewTagger()
	if err != nil {
		return nil, err
	}
	ev, err := event.New()
	if err != nil {
		return nil, err
	}
	return []pipeline.Stage{tg, actor.NewResolver(kb), ev, quote.New()}, nil
}
