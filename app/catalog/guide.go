package catalog

import "io/fs"

// GuideFile holds the guide: the plain-language questions on "/" that a
// reader answers to get a shortlist.
const GuideFile = "guide.json"

// Question is one question of the guide. Each answer stands for
// conditions in the require syntax, so the guide says nothing the
// criteria do not: a reader who answers sees exactly which facts decide.
type Question struct {
	ID        string   `json:"id"`
	Criterion string   `json:"criterion"` // the criterion whose definition explains the question
	Multiple  bool     `json:"multiple,omitempty"`
	Label     L10n     `json:"label"`
	Why       L10n     `json:"why"` // one line: why it matters
	Answers   []Answer `json:"answers"`
}

// Answer is one answer a reader can give; with Multiple, several.
type Answer struct {
	ID      string `json:"id"`
	Label   L10n   `json:"label"`
	Require string `json:"require"`
}

// Answer returns the answer with id, or nil.
func (q *Question) Answer(id string) *Answer {
	for i := range q.Answers {
		if q.Answers[i].ID == id {
			return &q.Answers[i]
		}
	}
	return nil
}

// Question returns the guide's question with id, or nil.
func (c *Catalog) Question(id string) *Question {
	for i := range c.Guide {
		if c.Guide[i].ID == id {
			return &c.Guide[i]
		}
	}
	return nil
}

func (l *loader) loadGuide(cat *Catalog) {
	var file struct {
		Questions []Question `json:"questions"`
	}
	// The guide is optional: a catalog without one shows no questions.
	if _, err := fs.Stat(l.fsys, GuideFile); err != nil {
		return
	}
	if !l.read(GuideFile, &file) {
		return
	}
	r := l.report(GuideFile)
	seen := map[string]bool{}
	for i, q := range file.Questions {
		f := indexed("questions", i)
		r.checkID(f+".id", "question", q.ID, seen)
		f = "questions." + q.ID
		if cat.Criterion(q.Criterion) == nil {
			r.add(f+".criterion", "expected the id of a criterion that explains the question, got %q", q.Criterion)
		}
		key := "guide." + q.ID
		inlineText(r, f+".label", q.Label, key+".label")
		inlineText(r, f+".why", q.Why, key+".why")
		file.Questions[i].Label = l.text(key+".label", "question "+q.ID)
		file.Questions[i].Why = l.text(key+".why", "why question "+q.ID+" matters")
		if len(q.Answers) == 0 {
			r.add(f+".answers", "expected at least one answer")
		}
		answers := map[string]bool{}
		for j, a := range q.Answers {
			af := indexed(f+".answers", j)
			r.checkID(af+".id", "answer", a.ID, answers)
			inlineText(r, af+".label", a.Label, key+".answer."+a.ID)
			file.Questions[i].Answers[j].Label = l.text(key+".answer."+a.ID, "answer "+a.ID+" of question "+q.ID)
			conds, errs := ParseConditions(a.Require, cat)
			for _, err := range errs {
				r.add(af+".require", "%v", err)
			}
			if len(conds) == 0 && len(errs) == 0 {
				r.add(af+".require", "expected at least one condition")
			}
		}
	}
	cat.Guide = file.Questions
}
