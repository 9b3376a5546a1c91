package compare

import (
	"fmt"
	"strings"
	"testing"
)

func TestDecodeBoundsWhatOneAddressCanAsk(t *testing.T) {
	cat := testCatalog(t)
	list := func(n int, part func(i int) string, sep string) string {
		parts := make([]string, n)
		for i := range parts {
			parts[i] = part(i)
		}
		return strings.Join(parts, sep)
	}
	tests := []struct {
		name           string
		raw            string
		wantConditions int
		wantNotices    int
		wantLast       string // the code of the last notice
	}{
		{name: "thirty-two conditions all apply",
			raw:            "require=" + list(MaxConditions, func(i int) string { return fmt.Sprintf("audits>=%d", i) }, ","),
			wantConditions: MaxConditions},
		{name: "conditions beyond thirty-two are left out with one notice",
			raw:            "require=" + list(2000, func(i int) string { return fmt.Sprintf("audits>=%d", i) }, ","),
			wantConditions: MaxConditions, wantNotices: 1, wantLast: NoticeTooManyConds},
		{name: "a value repeated in a condition counts once",
			raw:            "require=" + list(500, func(i int) string { return "platforms:" + strings.Repeat("ios|", i) + "ios" }, ","),
			wantConditions: 1},
		{name: "seventeen notices are all listed",
			raw:         list(MaxNotices+1, func(i int) string { return fmt.Sprintf("p%d=x", i) }, "&"),
			wantNotices: MaxNotices + 1, wantLast: NoticeUnknownParam},
		{name: "beyond seventeen notices one says how many more",
			raw:         list(5000, func(i int) string { return fmt.Sprintf("p%d=x", i) }, "&"),
			wantNotices: MaxNotices + 1, wantLast: NoticeMore},
		{name: "bad conditions count as notices too",
			raw:         "require=" + list(500, func(i int) string { return fmt.Sprintf("nope%d", i) }, ","),
			wantNotices: MaxNotices + 1, wantLast: NoticeMore},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, notices := Decode(tt.raw, cat)
			if len(q.Require) != tt.wantConditions {
				t.Errorf("%d conditions, want %d", len(q.Require), tt.wantConditions)
			}
			if len(notices) != tt.wantNotices {
				t.Fatalf("%d notices, want %d", len(notices), tt.wantNotices)
			}
			if len(notices) > 0 && notices[len(notices)-1].Code != tt.wantLast {
				t.Errorf("last notice %v (%s), want code %s", notices[len(notices)-1], notices[len(notices)-1].Code, tt.wantLast)
			}
		})
	}
}

func TestTheNoticeOfTheRestCountsThem(t *testing.T) {
	_, notices := Decode("a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10&k=11&l=12&m=13&n=14&o=15&p=16&q2=17&r=18&s=19", testCatalog(t))
	last := notices[len(notices)-1]
	if last.Code != NoticeMore || len(last.Args) != 1 || last.Args[0] != 2 {
		t.Errorf("last notice %v, args %v; want code %s counting the 2 after it", last, last.Args, NoticeMore)
	}
}
