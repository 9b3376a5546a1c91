package data

import (
	"slices"
	"strings"
	"testing"

	"msgcompare/app/catalog"
	"msgcompare/app/compare"
)

// answerSet is a reader's guide answers and what a careful expert would
// expect the shortlist to say, with the reasoning and the sources that
// reasoning rests on (issue 27, goal 3).
type answerSet struct {
	guide string
	// first is the messenger that must rank first; with several, one of
	// them (they rank level on what matters for these needs).
	first []string
	// absent must not be picks: they miss a need.
	absent []string
	why    string
	// sources are the pages the reasoning rests on: the data's own
	// sources for these facts (TestShortlistIsWhatAnExpertWouldSign checks
	// that the data cites each).
	sources []string
}

var expertAnswers = []answerSet{
	{
		guide: "offline:yes", first: []string{"briar"},
		why: "No internet: Briar is built to sync over Bluetooth and Wi-Fi and is audited (Cure53) and recommended by Privacy Guides and Kuketz; " +
			"Jami and Tox also work on a local network but were removed by Privacy Guides and have no published audit, so they must not rank first.",
		sources: []string{"https://briarproject.org/how-it-works/", "https://www.privacyguides.org/en/real-time-communication/"},
	},
	{
		guide: "no-phone:yes", first: []string{"simplex"}, absent: []string{"signal", "molly", "whatsapp", "telegram"},
		why: "No phone number: SimpleX has no user identifiers at all, a 2024 and a 2026 audit by Trail of Bits and all three curators' recommendation; " +
			"Signal, Molly, WhatsApp and Telegram need a number to register.",
		sources: []string{"https://github.com/simplex-chat/simplex-chat/blob/stable/README.md", "https://support.signal.org/hc/en-us/articles/360007318691-Register-a-phone-number"},
	},
	{
		guide: "metadata:yes", first: []string{"signal", "simplex"},
		why:     "Hide who talks to whom: Signal's sealed sender and SimpleX's queues without sender identities, both audited and recommended by the curators.",
		sources: []string{"https://signal.org/blog/sealed-sender/", "https://github.com/simplex-chat/simplexmq/blob/stable/protocol/simplex-messaging.md"},
	},
	{
		guide: "group-video:yes", first: []string{"signal"},
		why:     "Encrypted group video calls: Signal's are end-to-end encrypted, and it has the most assurance (audits, releases, three curators).",
		sources: []string{"https://signal.org/blog/how-to-build-encrypted-group-calls/"},
	},
	{
		guide: "devices:android,devices:ios", first: []string{"signal"},
		why:     "Android and iPhone: every mainstream choice qualifies, so assurance decides, and Signal has the most.",
		sources: []string{"https://www.privacyguides.org/en/real-time-communication/"},
	},
	{
		guide: "no-phone:yes,devices:android,devices:ios", first: []string{"simplex"}, absent: []string{"signal", "briar"},
		why:     "No phone number on both phones: SimpleX; Signal needs a number and Briar has no iPhone app.",
		sources: []string{"https://github.com/simplex-chat/simplex-chat/blob/stable/README.md", "https://www.privacyguides.org/en/real-time-communication/#briar"},
	},
	{
		guide: "where:ir", first: []string{"simplex", "threema"}, absent: []string{"signal", "telegram", "whatsapp"},
		why:     "In Iran: Signal and Telegram are blocked (OONI, the vendors), so a reader there needs an app that is reachable; the best-assured reachable ones come first.",
		sources: []string{"https://ooni.org/post/2022-iran-blocks-social-media-mahsa-amini-protests/", "https://signal.org/blog/help-iran-reconnect/"},
	},
	{
		guide: "where:cn", first: []string{"threema"}, absent: []string{"signal", "whatsapp", "telegram"},
		why:     "In China: Signal, WhatsApp and Telegram are blocked; Threema is not known to be and is audited and recommended.",
		sources: []string{"https://ooni.org/post/2021-how-signal-private-messenger-blocked-around-the-world/", "https://hongkongfp.com/2015/07/13/china-blocks-telegram-messenger-blamed-for-aiding-human-rights-lawyers/", "https://threema.ch/en/faq/code_audit"},
	},
	{
		guide: "where:ir,censored:yes", first: []string{"simplex", "briar"}, absent: []string{"signal", "telegram"},
		why:     "In Iran with a way around blocks built in: SimpleX (any relay the reader chooses) and Briar (Tor with bridges).",
		sources: []string{"https://github.com/simplex-chat/simplex-chat/blob/stable/docs/SERVER.md", "https://briarproject.org/how-it-works/"},
	},
	{
		guide: "censored:yes", first: []string{"signal"},
		why:     "A way around blocks: Signal's TLS proxy, with the most assurance of the apps that have one.",
		sources: []string{"https://signal.org/blog/help-iran-reconnect/"},
	},
	{
		guide: "offline:yes,devices:ios", absent: []string{"briar"},
		why:     "No internet on an iPhone: Briar has no iPhone app, so it must not be a pick, however well it does offline.",
		sources: []string{"https://www.privacyguides.org/en/real-time-communication/#briar"},
	},
	{
		guide: "devices:linux", first: []string{"signal"},
		why:     "Linux: Signal Desktop runs there, and Signal has the most assurance.",
		sources: []string{"https://signal.org/download/"},
	},
	{
		guide: "no-phone:yes,metadata:yes", first: []string{"simplex"}, absent: []string{"signal"},
		why:     "No phone number and hidden metadata: SimpleX, then Briar (Tor), both audited and recommended; Signal needs a number.",
		sources: []string{"https://github.com/simplex-chat/simplex-chat/blob/stable/README.md", "https://briarproject.org/how-it-works/"},
	},
}

// TestShortlistIsWhatAnExpertWouldSign checks the guide's shortlist on the
// real data against the expert answers above, and the rules every
// shortlist keeps: picks meet every need, none is discontinued, assurance
// never rises down the list, and the closest ones meet at least one need.
func TestShortlistIsWhatAnExpertWouldSign(t *testing.T) {
	cat, err := catalog.Load(FS, catalog.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cited := map[string]bool{}
	for _, a := range cat.Apps {
		for _, c := range a.Values {
			for _, u := range c.Sources {
				cited[u] = true
			}
		}
	}
	if len(expertAnswers) < 12 {
		t.Errorf("%d answer sets, want at least 12", len(expertAnswers))
	}
	for _, tt := range expertAnswers {
		q, notices := compare.Decode("guide="+tt.guide, cat)
		if len(notices) > 0 {
			t.Fatalf("guide=%s: %v", tt.guide, notices)
		}
		sl := compare.Guide(cat, q)
		var ids []string
		for i, p := range sl.Picks {
			ids = append(ids, p.App.ID)
			if p.Met != len(sl.Needs) || p.App.Discontinued != nil {
				t.Errorf("guide=%s: pick %s meets %d of %d needs (discontinued %v)", tt.guide, p.App.ID, p.Met, len(sl.Needs), p.App.Discontinued != nil)
			}
			if i > 0 && p.Assurance.Score > sl.Picks[i-1].Assurance.Score {
				t.Errorf("guide=%s: %s ranks below %s with more assurance", tt.guide, p.App.ID, sl.Picks[i-1].App.ID)
			}
		}
		for _, p := range sl.Closest {
			if p.Met == 0 || p.Met == len(sl.Needs) {
				t.Errorf("guide=%s: closest %s meets %d of %d needs", tt.guide, p.App.ID, p.Met, len(sl.Needs))
			}
		}
		for _, u := range tt.sources {
			if !cited[u] {
				t.Errorf("guide=%s: the reasoning's source %s is not a source of the data", tt.guide, u)
			}
		}
		got := strings.Join(ids, ",")
		if len(tt.first) > 0 && (len(ids) == 0 || !slices.Contains(tt.first, ids[0])) {
			t.Errorf("guide=%s: shortlist %s, want one of %v first.\nWhy: %s\nSources: %v", tt.guide, got, tt.first, tt.why, tt.sources)
		}
		for _, id := range tt.absent {
			if slices.Contains(ids, id) {
				t.Errorf("guide=%s: %s is a pick, but misses a need.\nWhy: %s\nSources: %v", tt.guide, id, tt.why, tt.sources)
			}
		}
	}
}
