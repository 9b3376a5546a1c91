package catalog

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Op is how a condition tests a value.
type Op int

// The condition operators of the require syntax.
const (
	IsTrue  Op = iota // id
	IsFalse           // !id
	Has               // id:value[|value...]: enum equals or set contains one of them
	AtLeast           // id>=N: a number, or a count of audits
	AtMost            // id<=N
	HasNone           // !id:value[|value...]: enum is none of them, set contains none of them
)

// Condition is one requirement a messenger must meet, such as
// "forward_secrecy" or "platforms:ios". Presets and the require URL
// parameter are lists of conditions.
type Condition struct {
	Criterion string
	Op        Op
	Values    []string // Has: any of these; HasNone: none of these
	N         int      // AtLeast, AtMost
}

// String writes the condition in the require syntax; ParseCondition reads it
// back.
func (c Condition) String() string {
	switch c.Op {
	case IsFalse:
		return "!" + c.Criterion
	case Has:
		return c.Criterion + ":" + strings.Join(c.Values, "|")
	case HasNone:
		return "!" + c.Criterion + ":" + strings.Join(c.Values, "|")
	case AtLeast:
		return c.Criterion + ">=" + strconv.Itoa(c.N)
	case AtMost:
		return c.Criterion + "<=" + strconv.Itoa(c.N)
	}
	return c.Criterion
}

// Match reports whether value v of criterion cr meets the condition. An
// unknown value meets nothing. No limit (Value.Unlimited) meets every lower
// bound and no upper bound.
func (c Condition) Match(cr *Criterion, v Value) bool {
	if v.Null {
		return false
	}
	if v.Unlimited {
		return c.Op == AtLeast
	}
	switch c.Op {
	case IsTrue:
		return v.Bool
	case IsFalse:
		return !v.Bool
	case Has, HasNone:
		for _, want := range c.Values {
			if v.Has(want) {
				return c.Op == Has
			}
		}
		return c.Op == HasNone
	case AtLeast:
		return v.count() >= c.N
	case AtMost:
		return v.count() <= c.N
	}
	return false
}

// count is the number a bound compares: the number itself, or how many
// audits are on record.
func (v Value) count() int {
	if v.Type == Audits {
		return len(v.Audits)
	}
	return v.Num
}

// ErrEmptyCondition is returned for an empty condition.
var ErrEmptyCondition = errors.New("empty condition")

// ConditionError is a condition that cannot be used. Error says why in
// English for maintainers; Code (a message key of the interface, after
// "notice_") and Args say it for readers, in their language.
type ConditionError struct {
	Condition string
	Code      string // one of ConditionCodes
	Args      []any
	msg       string
}

func (e *ConditionError) Error() string { return fmt.Sprintf("%q: %s", e.Condition, e.msg) }

// ConditionCodes lists every ConditionError.Code.
var ConditionCodes = []string{"unknown_criterion", "needs_bool", "needs_enum", "not_a_value", "needs_number", "not_a_number"}

func condErr(s, code string, args []any, format string, fargs ...any) error {
	return &ConditionError{Condition: s, Code: code, Args: args, msg: fmt.Sprintf(format, fargs...)}
}

// ParseCondition reads one condition and checks it against the catalog's
// criteria: the criterion must exist and suit the operator.
func ParseCondition(s string, cat *Catalog) (Condition, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Condition{}, ErrEmptyCondition
	}
	var c Condition
	var arg string
	switch {
	case strings.HasPrefix(s, "!") && strings.Contains(s, ":"):
		c.Op = HasNone
		c.Criterion, arg, _ = strings.Cut(s[1:], ":")
	case strings.HasPrefix(s, "!"):
		c.Op, c.Criterion = IsFalse, s[1:]
	case strings.Contains(s, ">="):
		c.Op = AtLeast
		c.Criterion, arg, _ = strings.Cut(s, ">=")
	case strings.Contains(s, "<="):
		c.Op = AtMost
		c.Criterion, arg, _ = strings.Cut(s, "<=")
	case strings.Contains(s, ":"):
		c.Op = Has
		c.Criterion, arg, _ = strings.Cut(s, ":")
	default:
		c.Op, c.Criterion = IsTrue, s
	}
	cr := cat.Criterion(c.Criterion)
	if cr == nil {
		return c, condErr(s, "unknown_criterion", []any{c.Criterion}, "unknown criterion %q", c.Criterion)
	}
	switch c.Op {
	case IsTrue, IsFalse:
		if cr.Type != Bool {
			return c, condErr(s, "needs_bool", []any{cr.ID}, "%s is a %s criterion; \"id\" and \"!id\" need a bool criterion", cr.ID, cr.Type)
		}
	case Has, HasNone:
		if cr.Type != Enum && cr.Type != Set {
			return c, condErr(s, "needs_enum", []any{cr.ID}, "%s is a %s criterion; \"id:value\" (or \"!id:value\") needs an enum or set criterion", cr.ID, cr.Type)
		}
		for _, v := range strings.Split(arg, "|") {
			if !cr.HasValue(v) {
				return c, condErr(s, "not_a_value", []any{v, cr.ID}, "%q is not a value of %s (expected one of %s)", v, cr.ID, quoteList(cr.Values))
			}
			c.Values = append(c.Values, v)
		}
	case AtLeast, AtMost:
		if cr.Type != Number && cr.Type != Audits {
			return c, condErr(s, "needs_number", []any{cr.ID}, "%s is a %s criterion; \">=\" and \"<=\" need a number or audits criterion", cr.ID, cr.Type)
		}
		n, err := strconv.Atoi(arg)
		if err != nil || n < 0 {
			return c, condErr(s, "not_a_number", []any{arg}, "expected a whole number after the operator, got %q", arg)
		}
		c.N = n
	}
	return c, nil
}

// ParseConditions reads a comma-separated list of conditions. It returns the
// valid ones, without duplicates, and an error for each invalid one.
func ParseConditions(list string, cat *Catalog) ([]Condition, []error) {
	var conds []Condition
	var errs []error
	seen := map[string]bool{}
	for _, part := range strings.Split(list, ",") {
		c, err := ParseCondition(part, cat)
		if errors.Is(err, ErrEmptyCondition) {
			continue
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if key := c.String(); !seen[key] {
			seen[key] = true
			conds = append(conds, c)
		}
	}
	return conds, errs
}
