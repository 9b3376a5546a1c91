package compare

import (
	"cmp"
	"slices"
	"strings"

	"msgcompare/app/catalog"
)

// GuideAnswer is one answer a reader gave to the guide, written
// "question:answer" in the URL (guide=no-phone:yes,devices:ios).
type GuideAnswer struct {
	Question, Answer string
}

func (g GuideAnswer) String() string { return g.Question + ":" + g.Answer }

// Need is one thing the reader asked for: an answer of the guide and the
// conditions it stands for.
type Need struct {
	Question   *catalog.Question
	Answer     *catalog.Answer
	Conditions []catalog.Condition
}

// Pick is one messenger of the shortlist.
type Pick struct {
	App     *catalog.App
	Met     int    // needs it meets
	Missed  []Need // needs it does not meet (an unknown fact meets none)
	Points  int    // good facts it has (Points): the documented tie-break
	Tie     bool   // same Met and Points as the pick before it
	Caveats []Failure
}

// Shortlist is the guide's answer: the reader's needs and the messengers
// ranked by them.
type Shortlist struct {
	Needs []Need
	Picks []Pick // the ones to show: every full match, then those that miss one
	Full  int    // how many meet every need
	More  int    // full matches left out of Picks to keep it short
}

// MaxPicks is the most messengers a shortlist shows.
const MaxPicks = 6

// Guide ranks the candidate messengers by the reader's guide answers:
// needs met, then Points, then name (the rule the page states).
// Discontinued messengers are left out: nobody can start using them.
// Without answers it returns an empty shortlist.
func Guide(cat *catalog.Catalog, q Query) Shortlist {
	var sl Shortlist
	for _, g := range q.Guide {
		qu := cat.Question(g.Question)
		if qu == nil {
			continue
		}
		a := qu.Answer(g.Answer)
		if a == nil {
			continue
		}
		conds, _ := catalog.ParseConditions(a.Require, cat)
		sl.Needs = append(sl.Needs, Need{Question: qu, Answer: a, Conditions: conds})
	}
	if len(sl.Needs) == 0 {
		return sl
	}
	var all []Pick
	for _, app := range Candidates(cat, q) {
		if app.Discontinued != nil {
			continue // nobody can start using it
		}
		p := Pick{App: app, Points: Points(cat, app)}
		for _, n := range sl.Needs {
			if _, failed := evaluate(cat, app, n.Conditions); len(failed) == 0 {
				p.Met++
			} else {
				p.Missed = append(p.Missed, n)
			}
		}
		all = append(all, p)
	}
	slices.SortStableFunc(all, func(a, b Pick) int {
		if c := cmp.Compare(b.Met, a.Met); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Points, a.Points); c != 0 {
			return c
		}
		return cmp.Compare(strings.ToLower(a.App.Name), strings.ToLower(b.App.Name))
	})
	need := len(sl.Needs)
	for _, p := range all {
		if p.Met == need {
			sl.Full++
		}
	}
	// Full matches first (at most MaxPicks), then those that miss one; with
	// no full match, the closest ones, so the answer is never empty.
	best := need
	if sl.Full == 0 && len(all) > 0 {
		best = all[0].Met + 1
	}
	for _, p := range all {
		switch {
		case p.Met == need && len(sl.Picks) >= MaxPicks:
			sl.More++
			continue
		case p.Met < best-1, len(sl.Picks) >= MaxPicks:
			continue
		}
		sl.Picks = append(sl.Picks, p)
	}
	for i := range sl.Picks {
		if i > 0 && sl.Picks[i].Met == sl.Picks[i-1].Met && sl.Picks[i].Points == sl.Picks[i-1].Points {
			sl.Picks[i].Tie, sl.Picks[i-1].Tie = true, true
		}
		sl.Picks[i].Caveats = caveats(cat, sl.Picks[i].App, sl.Picks)
	}
	return sl
}

// Points counts the criteria with a better answer ("good" in
// criteria.json, for example forward secrecy yes, phone number required
// no) where the messenger has that answer: the shortlist's tie-break, the
// same for every reader.
func Points(cat *catalog.Catalog, app *catalog.App) int {
	n := 0
	for i := range cat.Criteria {
		cr := &cat.Criteria[i]
		if cr.Type != catalog.Bool || cr.Good == nil {
			continue
		}
		if c := app.Cell(cr.ID); c != nil && !c.Value.Null && c.Value.Bool == *cr.Good {
			n++
		}
	}
	return n
}

// caveats are the two facts where app is weakest against the other picks:
// a worse answer on a criterion where most of them have the better one.
func caveats(cat *catalog.Catalog, app *catalog.App, picks []Pick) []Failure {
	type weak struct {
		f      Failure
		others int
	}
	var ws []weak
	for i := range cat.Criteria {
		cr := &cat.Criteria[i]
		if cr.Type != catalog.Bool || cr.Good == nil {
			continue
		}
		c := app.Cell(cr.ID)
		if c == nil || c.Value.Null || c.Value.Bool == *cr.Good {
			continue
		}
		others := 0
		for _, p := range picks {
			if oc := p.App.Cell(cr.ID); p.App != app && oc != nil && !oc.Value.Null && oc.Value.Bool == *cr.Good {
				others++
			}
		}
		if others > 0 {
			ws = append(ws, weak{Failure{Criterion: cr, Value: c.Value}, others})
		}
	}
	slices.SortStableFunc(ws, func(a, b weak) int { return cmp.Compare(b.others, a.others) })
	var out []Failure
	for _, w := range ws[:min(2, len(ws))] {
		out = append(out, w.f)
	}
	return out
}

func decodeGuide(key, list string, cat *catalog.Catalog, note noteFunc) []GuideAnswer {
	var out []GuideAnswer
	for _, part := range strings.Split(list, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		qid, aid, _ := strings.Cut(part, ":")
		qu := cat.Question(qid)
		switch {
		case qu == nil:
			note(key, part, NoticeNoQuestion, "no question of the guide has this id")
		case qu.Answer(aid) == nil:
			note(key, part, NoticeNoAnswer, "this question has no such answer")
		case slices.Contains(out, GuideAnswer{qid, aid}):
		default:
			out = append(out, GuideAnswer{qid, aid})
		}
	}
	return out
}

func joinGuide(gs []GuideAnswer) string {
	parts := make([]string, len(gs))
	for i, g := range gs {
		parts[i] = g.String()
	}
	return strings.Join(parts, ",")
}

// ToggleAnswer returns a copy of the query with guide answer g added, or
// removed when it is there, like Toggle for requirements.
func (q Query) ToggleAnswer(g GuideAnswer) Query {
	out := q
	out.Guide = slices.DeleteFunc(slices.Clone(q.Guide), func(have GuideAnswer) bool { return have == g })
	if len(out.Guide) == len(q.Guide) {
		out.Guide = append(out.Guide, g)
	}
	if len(out.Guide) == 0 {
		out.Guide = nil
	}
	return out
}

// Answered reports whether the reader gave answer a to question qid.
func (q Query) Answered(qid, a string) bool {
	return slices.Contains(q.Guide, GuideAnswer{qid, a})
}
