package compare

import (
	"cmp"
	"slices"
	"strings"
	"time"

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
	App       *catalog.App
	Met       int    // needs it meets
	Missed    []Need // needs it does not meet (an unknown fact meets none)
	Assurance Assurance
	Points    int  // good facts it has (Points): the tie-break after Assurance
	Tie       bool // same Assurance.Score and Points as a pick beside it
	Caveats   []Failure
}

// Assurance is what speaks for trusting a messenger before its features
// count: independent audits, active maintenance and the curators' current
// verdicts. Its Score ranks the shortlist.
type Assurance struct {
	// Audit is the newest published independent audit; nil without one.
	Audit *catalog.Audit
	// Release is the date of the last release ("" when unknown), and
	// Maintained reports whether it lies within MaintainedDays of the
	// catalog's date (Catalog.Updated).
	Release    string
	Maintained bool
	// Verdicts are the curators' current verdicts, one per curator, in
	// the order the catalog lists them.
	Verdicts []catalog.Status
	Score    int
}

// MaintainedDays is how recent a last release must be, counted back from
// the day the facts were last checked, for a messenger to count as
// actively maintained.
const MaintainedDays = 365

// RecentAuditYears is how many years back an audit still counts as recent.
const RecentAuditYears = 5

// verdictPoints is what a curator's current verdict adds to the
// assurance score.
func verdictPoints(status string) int {
	switch status {
	case "recommended":
		return 2
	case "recommended_with_caveats":
		return 1
	case "removed":
		return -1
	case "not_recommended":
		return -2
	}
	return 0 // listed
}

// AssuranceOf is the messenger's assurance as of asOf (YYYY-MM-DD): a
// point for an independent audit and one more when it is recent (within
// RecentAuditYears), a point for a release within MaintainedDays and one
// off when there is none within twice that (or its date is unknown), and
// each curator's current verdict (verdictPoints).
func AssuranceOf(a *catalog.App, asOf string) Assurance {
	var as Assurance
	if c := a.Cell("audits"); c != nil && !c.Value.Null {
		for i := range c.Value.Audits {
			if au := &c.Value.Audits[i]; as.Audit == nil || au.Year > as.Audit.Year {
				as.Audit = au
			}
		}
	}
	if as.Audit != nil {
		as.Score++
		if year, err := time.Parse(time.DateOnly, asOf); err == nil && as.Audit.Year > year.Year()-RecentAuditYears {
			as.Score++
		}
	}
	if c := a.Cell("last_release"); c != nil && !c.Value.Null {
		as.Release = c.Value.Str
	}
	switch age, ok := daysBetween(as.Release, asOf); {
	case ok && age <= MaintainedDays:
		as.Maintained = true
		as.Score++
	case !ok || age > 2*MaintainedDays:
		as.Score--
	}
	as.Verdicts = a.CurrentVerdicts()
	for _, st := range as.Verdicts {
		as.Score += verdictPoints(st.Status)
	}
	return as
}

// daysBetween is the number of days from a to b, both YYYY-MM-DD; ok is
// false when either is not a date.
func daysBetween(a, b string) (int, bool) {
	ta, err := time.Parse(time.DateOnly, a)
	if err != nil {
		return 0, false
	}
	tb, err := time.Parse(time.DateOnly, b)
	if err != nil {
		return 0, false
	}
	return int(tb.Sub(ta).Hours() / 24), true
}

// Shortlist is the guide's answer: the reader's needs, the messengers
// that meet them all, ranked, and the closest of the others.
type Shortlist struct {
	Needs []Need
	Picks []Pick // messengers that meet every need, best first (at most MaxPicks)
	Full  int    // how many meet every need
	More  int    // full matches left out of Picks to keep it short
	// Closest are the messengers that miss the fewest needs, when fewer
	// than MaxPicks meet them all: never one that meets none.
	Closest []Pick
}

// MaxPicks is the most messengers a shortlist shows.
const MaxPicks = 6

// MaxClosest is the most near misses a shortlist shows.
const MaxClosest = 3

// Guide ranks the candidate messengers by the reader's guide answers. Only
// messengers that meet every need are picks, ranked by assurance first
// (Assurance.Score), then by features (Points), then by name (the rule the
// page states); the others may follow as the closest ones. Discontinued
// messengers are left out: nobody can start using them. Without answers it
// returns an empty shortlist.
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
		p := Pick{App: app, Points: Points(cat, app), Assurance: AssuranceOf(app, cat.Updated)}
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
		if c := cmp.Compare(b.Assurance.Score, a.Assurance.Score); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Points, a.Points); c != 0 {
			return c
		}
		return cmp.Compare(strings.ToLower(a.App.Name), strings.ToLower(b.App.Name))
	})
	need := len(sl.Needs)
	var rest []Pick
	for _, p := range all {
		switch {
		case p.Met < need:
			rest = append(rest, p)
		case len(sl.Picks) < MaxPicks:
			sl.Full++
			sl.Picks = append(sl.Picks, p)
		default:
			sl.Full++
			sl.More++
		}
	}
	if sl.Full < MaxPicks && len(rest) > 0 && rest[0].Met > 0 {
		for _, p := range rest {
			if p.Met < rest[0].Met || len(sl.Closest) == MaxClosest {
				break
			}
			sl.Closest = append(sl.Closest, p)
		}
	}
	markTies(sl.Picks)
	markTies(sl.Closest)
	for i := range sl.Picks {
		sl.Picks[i].Caveats = caveats(cat, sl.Picks[i].App, sl.Picks)
	}
	return sl
}

// markTies marks the picks that rank equal to a neighbour: the same needs
// met, assurance and number of good facts, so only their names order them.
func markTies(ps []Pick) {
	for i := 1; i < len(ps); i++ {
		a, b := &ps[i-1], &ps[i]
		if a.Met == b.Met && a.Assurance.Score == b.Assurance.Score && a.Points == b.Points {
			a.Tie, b.Tie = true, true
		}
	}
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
